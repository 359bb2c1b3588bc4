package io.wsbed.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitXmlWriterTest {

    @Test
    void writesOneGoldenFilePerScenario() {
        Map<String, String> files = JunitXmlWriter.write(ReportFixture.results());
        assertEquals(List.of("TEST-wsbed.server-crash.xml", "TEST-wsbed.client-crash.xml",
                "TEST-wsbed.network-blackhole.xml", "TEST-wsbed.send-after-close.xml"), List.copyOf(files.keySet()));
        files.forEach((name, xml) -> Golden.assertMatches("junit/" + name, xml));
    }

    @Test
    void mapsVerdictsToFailureSkippedAndErrorWithTheReason() throws Exception {
        Map<String, String> files = JunitXmlWriter.write(ReportFixture.results());
        Document crash = parse(files.get("TEST-wsbed.server-crash.xml"));
        Element suite = crash.getDocumentElement();
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        Element failure = (Element) crash.getElementsByTagName("failure").item(0);
        assertEquals("The client was never told within the 10000 ms window <behind nginx> & \"quiet\" | nothing.",
                failure.getAttribute("message"));
        assertEquals("server-crash.jetty.jdk.default.nginx",
                ((Element) failure.getParentNode()).getAttribute("name"));
        Document error = parse(files.get("TEST-wsbed.client-crash.xml"));
        assertEquals(1, error.getElementsByTagName("error").getLength());
        Document skipped = parse(files.get("TEST-wsbed.network-blackhole.xml"));
        assertEquals(1, skipped.getElementsByTagName("skipped").getLength());
    }

    @Test
    void replacesCharactersXmlCannotCarry() {
        assertEquals("a\uFFFDb &lt;&amp;&gt;", JunitXmlWriter.esc("a\u0001b <&>"));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
