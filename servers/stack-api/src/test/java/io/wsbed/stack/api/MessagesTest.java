package io.wsbed.stack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The padded messages of the big and flood commands. */
class MessagesTest {

    @Test
    void aBigMessageHasExactlyItsSizeAndItsSizeAsSeq() {
        for (int size : new int[] {Messages.minBig(40), 65, 1000, 65_536}) {
            String m = Messages.big(size);
            assertEquals(size, m.length());
            assertTrue(m.startsWith("{\"seq\":" + size + ",\"pad\":\"") && m.endsWith("\"}"), m.substring(0, Math.min(30, m.length())));
            assertEquals(size > 64 ? size : -1, Messages.bigSeqOf(m));
        }
    }

    @Test
    void theSameSizeIsBuiltOnce() {
        assertSame(Messages.big(70_000), Messages.big(70_000));
    }

    @Test
    void aSizeTooSmallForTheHeadIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Messages.big(10));
    }

    @Test
    void onlyPaddedSeqMessagesAreBig() {
        String pad = "x".repeat(100);
        assertEquals(-1, Messages.bigSeqOf(Messages.seq(5)));
        assertEquals(-1, Messages.bigSeqOf(Messages.flood(3, 200)));
        assertEquals(-1, Messages.bigSeqOf("{\"seq\":12,\"other\":\"" + pad + "\"}"));
        assertEquals(-1, Messages.bigSeqOf("{\"seq\":1x,\"pad\":\"" + pad + "\"}"));
        assertEquals(12, Messages.bigSeqOf("{\"seq\":12,\"pad\":\"" + pad + "\"}"));
    }

    @Test
    void floodMessagesHaveTheirSizeWhateverTheirNumber() {
        assertEquals(1024, Messages.flood(1, 1024).length());
        assertEquals(1024, Messages.flood(123_456_789L, 1024).length());
        assertEquals(-1, Messages.seqOf(Messages.flood(7, 1024)));
    }
}
