package sluice.router.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskClassifierTest {

    private final TaskClassifier classifier = new TaskClassifier();

    private static ClassifierInput features(boolean thinking, int tokens, boolean webSearch, boolean image,
                                            boolean tools) {
        return new ClassifierInput(null, thinking, tokens, webSearch, tools, image,
                List.of("write a python function"), null);
    }

    @Test
    void featuresDecideInTheirDocumentedOrder() {
        assertEquals(TaskClass.THINKING, classifier.classify(features(true, 99_000, true, true, true)).taskClass());
        assertEquals(TaskClass.LONG_CONTEXT,
                classifier.classify(features(false, 99_000, true, true, true)).taskClass());
        assertEquals(TaskClass.SEARCH, classifier.classify(features(false, 10, true, true, true)).taskClass());
        assertEquals(TaskClass.IMAGE, classifier.classify(features(false, 10, false, true, true)).taskClass());
        assertEquals(TaskClass.AGENT, classifier.classify(features(false, 10, false, false, true)).taskClass());
        assertEquals(TaskClass.CODE, classifier.classify(features(false, 10, false, false, false)).taskClass());
    }

    @Test
    void featureReasonsSayWhichFeatureDecided() {
        assertEquals("feature: tools present", classifier.classify(features(false, 10, false, false, true)).reason());
        assertEquals("feature: 40000 prompt tokens > 32000",
                classifier.classify(features(false, 40_000, false, false, false)).reason());
    }

    @Test
    void longContextThresholdIsConfigurable() {
        TaskClassifier strict = new TaskClassifier(8_000);

        assertEquals(TaskClass.CODE, strict.classify(features(false, 8_000, false, false, false)).taskClass());
        assertEquals(TaskClass.LONG_CONTEXT, strict.classify(features(false, 8_001, false, false, false)).taskClass());
        assertThrows(IllegalArgumentException.class, () -> new TaskClassifier(0));
    }

    @Test
    void explicitProviderModelWinsTheRouteButTheClassIsStillComputed() {
        ClassifierInput input = new ClassifierInput("deepseek/deepseek-coder", false, 10, false, false, false,
                List.of("refactor this java class"), null);

        Classification result = classifier.classify(input);

        assertEquals(new RouteTarget("deepseek", "deepseek-coder"), result.explicitTarget());
        assertEquals(TaskClass.CODE, result.taskClass());
        assertTrue(result.reason().startsWith("explicit model deepseek/deepseek-coder; text: code signals"),
                result.reason());
    }

    @ParameterizedTest
    @CsvSource({"/gpt-4o", "deepseek/", "my provider/model", "deep$eek/chat"})
    void malformedProviderModelIsNotExplicit(String model) {
        ClassifierInput input = new ClassifierInput(model, false, 10, false, false, false, List.of("hi"), null);

        assertNull(classifier.classify(input).explicitTarget());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "اكتب كود, tatweel and plain",
        "اكتـــب كـــود, tatweel",
        "اُكْتُبْ كُودًا, diacritics and tanween alef",
        "أكتب الكود, hamza alef and the article",
        "اكتب بالكود, proclitic bi-al",
    })
    void arabicSpellingVariantsFoldToTheSameSignal(String text, String variant) {
        Classification result = classifier.classify(ClassifierInput.ofUserText(text));

        assertEquals(TaskClass.CODE, result.taskClass(), variant + ": " + result.reason());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Put the socks in the top drawer, general",
        "Subscribe to our newsletter, general",
        "أحب شركة كوداك للكاميرات, general",
        "I am debugging a flaky test, code",
        "He proves it by induction, thinking",
        "draw a cat, image",
        "كودي لا يعمل, code",
    })
    void englishMatchesWholeWordsAndArabicAllowsAffixes(String text, String expected) {
        Classification result = classifier.classify(ClassifierInput.ofUserText(text));

        assertEquals(expected, result.taskClass().headerName(), result.reason());
    }

    @Test
    void codeFencesAndCodeShapedTextCountAsCode() {
        assertEquals(TaskClass.CODE, classifier.classify(ClassifierInput.ofUserText("```\nx\n```")).taskClass());
        assertEquals(TaskClass.CODE,
                classifier.classify(ClassifierInput.ofUserText("if (a == b && c != d) { x += 1; }")).taskClass());
    }

    @Test
    void mathNotationCountsAsThinking() {
        Classification result = classifier.classify(ClassifierInput.ofUserText("x^2 + y^2 = 25, y = 3"));

        assertEquals(TaskClass.THINKING, result.taskClass());
        assertEquals("text: thinking signals (math notation)", result.reason());
    }

    @Test
    void theLastUserMessageWeighsMoreThanEarlierOnes() {
        ClassifierInput movedOn = new ClassifierInput(null, false, 10, false, false, false,
                List.of("is python hard to learn?", "thanks! now tell me a joke"), null);
        ClassifierInput askedNow = new ClassifierInput(null, false, 10, false, false, false,
                List.of("tell me a joke", "in python please"), null);

        assertEquals(TaskClass.GENERAL, classifier.classify(movedOn).taskClass());
        assertEquals(TaskClass.CODE, classifier.classify(askedNow).taskClass());
    }

    @Test
    void strongSystemInstructionsCountToo() {
        ClassifierInput input = new ClassifierInput(null, false, 10, false, false, false, List.of("hi"),
                "You are a senior Python engineer who reviews code.");

        assertEquals(TaskClass.CODE, classifier.classify(input).taskClass());
    }

    @Test
    void onlyTheHeadAndTailOfAVeryLongTextAreRead() {
        String filler = "lorem ipsum ".repeat(5_000);
        String askedAtTheEnd = filler + " now refactor this";
        String buriedInTheMiddle = filler + " refactor " + filler;

        assertEquals(TaskClass.CODE, classifier.classify(ClassifierInput.ofUserText(askedAtTheEnd)).taskClass());
        assertEquals(TaskClass.GENERAL, classifier.classify(ClassifierInput.ofUserText(buriedInTheMiddle)).taskClass());
    }

    @Test
    void reasonHeaderValueIsAsciiWithArabicPercentEncoded() {
        Classification result = classifier.classify(ClassifierInput.ofUserText("اكتب كود"));

        assertEquals("text: code signals (اكتب كود, كود)", result.reason());
        String header = result.reasonHeaderValue();
        assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7F), header);
        assertTrue(header.startsWith("text: code signals (%D8%A7"), header);
    }

    @Test
    void plainTextWithoutSignalsIsGeneral() {
        Classification result = classifier.classify(ClassifierInput.ofUserText("hello there"));

        assertEquals(TaskClass.GENERAL, result.taskClass());
        assertEquals("text: no class signal", result.reason());
        assertFalse(result.hasExplicitTarget());
    }
}
