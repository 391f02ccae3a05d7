package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiDurationTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0s", "20, 20ms", "999, 999ms", "1000, 1s", "1500, 1.5s", "17280, 17.28s",
        "59999, 59.999s", "60000, 1m0s", "360000, 6m0s", "61500, 1m1.5s", "3723000, 1h2m3s",
        "3600000, 1h0m0s"
    })
    void formatsLikeOpenAiResetHeaders(long millis, String expected) {
        assertEquals(expected, OpenAiDuration.format(millis));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "999, 1", "1000, 1", "1001, 2", "59999, 60", "0, 1"})
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne(long millis, long seconds) {
        assertEquals(seconds, OpenAiDuration.retryAfterSeconds(millis));
    }
}
