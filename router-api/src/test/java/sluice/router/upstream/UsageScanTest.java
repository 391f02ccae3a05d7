package sluice.router.upstream;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageScanTest {

    private static UsageScan scan(String json) {
        return UsageScan.of(Buffer.buffer(json));
    }

    @Test
    void readsTheAnswersUsageWithNestedDetails() {
        UsageScan scan = scan("{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"content\":\"hi\"}}],"
                + "\"usage\":{\"prompt_tokens\":12,\"prompt_tokens_details\":{\"cached_tokens\":4},"
                + "\"completion_tokens\":30,\"total_tokens\":42}}");
        assertEquals(new Usage(12, 30), scan.usage());
        assertTrue(scan.choicesPresent());
    }

    @Test
    void aUsageInsideTheTextOrANestedObjectIsNotTheAnswersUsage() {
        UsageScan scan = scan("{\"choices\":[{\"message\":{\"content\":\"say \\\"usage\\\":{\\\"prompt_tokens\\\":1}\","
                + "\"usage\":{\"prompt_tokens\":999,\"completion_tokens\":999}}}]}");
        assertNull(scan.usage());
    }

    @Test
    void toleratesWhiteSpaceAndAnyFieldOrder() {
        UsageScan scan = scan(" {\n \"usage\" : { \"completion_tokens\" : 7 , \"prompt_tokens\" : 5 } ,\n"
                + " \"choices\" : [ ] }\n");
        assertEquals(new Usage(5, 7), scan.usage());
        assertFalse(scan.choicesPresent(), "an empty choices array is the usage-only stream chunk");
    }

    @Test
    void missingMalformedOrCutOffUsageIsNull() {
        assertNull(scan("{\"choices\":[]}").usage());
        assertNull(scan("{\"usage\":null}").usage());
        assertNull(scan("{\"usage\":{\"prompt_tokens\":\"12\",\"completion_tokens\":3}}").usage());
        assertNull(scan("{\"usage\":{\"prompt_tokens\":-1,\"completion_tokens\":3}}").usage());
        assertNull(scan("{\"usage\":{\"prompt_tokens\":12,\"completion_tok").usage());
        assertNull(scan("not json at all").usage());
        assertNull(scan("").usage());
    }

    @Test
    void scansARangeOfABuffer() {
        Buffer event = Buffer.buffer("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}\n");
        assertEquals(new Usage(3, 4), UsageScan.of(event, 5, event.length()).usage());
    }
}
