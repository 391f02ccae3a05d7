package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTextTest {

    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry()
            .getEncoding(EncodingType.O200K_BASE);

    @Test
    void everyLengthHasExactlyThatManyO200kTokens() {
        CompletionText texts = new CompletionText(3);
        for (int tokens = 0; tokens <= 300; tokens++) {
            assertEquals(tokens, O200K.countTokens(texts.ofLength(tokens).text()),
                    "length " + tokens);
        }
        assertEquals(4_096, O200K.countTokens(texts.ofLength(4_096).text()));
    }

    @Test
    void streamPiecesConcatenateToTheTextAndCarryTheirTokenCounts() {
        CompletionText.Completion completion = new CompletionText(4).ofLength(18);
        assertEquals(completion.text(), String.join("", completion.pieces()));
        assertEquals(5, completion.pieces().size());
        int sum = 0;
        for (int i = 0; i < completion.pieces().size(); i++) {
            assertEquals(O200K.countTokens(completion.pieces().get(i)),
                    completion.pieceTokens()[i], "piece " + i);
            sum += completion.pieceTokens()[i];
        }
        assertEquals(18, sum);
    }

    @Test
    void promptTokensFollowTheDocumentedFraming() {
        TokenCounter counter = new TokenCounter();
        String arabic = "مرحبا بك في بوابة سلويس";
        int expected = 3 + (3 + O200K.countTokens("You are terse."))
                + (3 + O200K.countTokens(arabic));
        assertEquals(expected, counter.promptTokens(
                List.of(List.of("You are terse."), List.of(arabic))));
    }
}
