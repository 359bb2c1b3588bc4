package io.wsbed.toxiproxy.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Listen addresses are parsed, compared and reported with the reference's (Go's) conventions. */
class AddressesTest {

    @Test
    void wildcardListenersAreReportedAsDualStack() throws Exception {
        assertEquals("[::]:8666", Addresses.render(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 8666)));
        assertEquals("[::]:8666", Addresses.render(new InetSocketAddress(8666)));
    }

    @Test
    void addressesAreRenderedLikeGo() throws Exception {
        assertEquals("127.0.0.1:80", Addresses.render(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80)));
        assertEquals("[::1]:80", Addresses.render(new InetSocketAddress(InetAddress.getByName("::1"), 80)));
        assertEquals("fe80::1:0:0:2", Addresses.compress("fe80:0:0:0:1:0:0:2"));
        assertEquals("1:2:3:4:5:6:7:8", Addresses.compress("1:2:3:4:5:6:7:8"));
        assertEquals("::", Addresses.compress("0:0:0:0:0:0:0:0"));
    }

    @Test
    void resolvedFormIsWhatAnUpdateComparesWith() {
        assertEquals("127.0.0.1:0", Addresses.resolvedForm("localhost:0"));
        assertEquals("0.0.0.0:8666", Addresses.resolvedForm("0.0.0.0:8666"), "differs from [::]:8666, as in the reference");
        assertEquals(":8666", Addresses.resolvedForm(":8666"));
        assertEquals("[::1]:5", Addresses.resolvedForm("[::1]:5"));
    }

    @Test
    void badListenAddressesFailWithGoMessagesAs500() {
        ToxiproxyException missing = assertThrows(ToxiproxyException.class, () -> Addresses.resolveListen("local373"));
        assertEquals(500, missing.status());
        assertEquals("listen tcp: address local373: missing port in address", missing.getMessage());
        assertEquals("listen tcp: address a:99999: invalid port",
                assertThrows(ToxiproxyException.class, () -> Addresses.resolveListen("a:99999")).getMessage());
    }
}
