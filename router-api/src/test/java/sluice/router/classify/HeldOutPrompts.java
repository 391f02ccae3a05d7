package sluice.router.classify;

import static sluice.router.classify.TaskClass.CODE;
import static sluice.router.classify.TaskClass.GENERAL;
import static sluice.router.classify.TaskClass.IMAGE;
import static sluice.router.classify.TaskClass.SEARCH;
import static sluice.router.classify.TaskClass.THINKING;

import java.util.ArrayList;
import java.util.List;
import sluice.router.classify.LabelledPrompts.Decider;
import sluice.router.classify.LabelledPrompts.Labelled;
import sluice.router.classify.LabelledPrompts.Language;

/**
 * Prompts written after the lexicon was tuned and never tuned against: their score estimates how
 * the classifier does on traffic it has not seen. Keep it that way — add misses from here to the
 * tuned corpus ({@link LabelledTextPrompts}) only together with new held-out prompts.
 */
final class HeldOutPrompts {

    private final List<Labelled> all = new ArrayList<>();

    static List<Labelled> all() {
        HeldOutPrompts prompts = new HeldOutPrompts();
        prompts.english();
        prompts.arabic();
        return List.copyOf(prompts.all);
    }

    private void english() {
        add(CODE, Language.ENGLISH, "How can I make this loop faster? for i in range(len(arr)): total += arr[i]");
        add(CODE, Language.ENGLISH, "what does `git rebase -i HEAD~3` do exactly");
        add(CODE, Language.ENGLISH, "my docker container exits immediately with code 137, any idea?");
        add(CODE, Language.ENGLISH, "write a go http server that returns hello world");
        add(CODE, Language.ENGLISH, "TypeScript: how do I type a function that takes a generic array and returns "
                + "its first element?");
        add(THINKING, Language.ENGLISH, "If I have 3 boxes and one contains gold, and the host opens an empty one, "
                + "should I switch? Explain.");
        add(THINKING, Language.ENGLISH, "Is it possible for a set to contain itself? Walk me through Russell's paradox.");
        add(THINKING, Language.ENGLISH, "Work out how many handshakes happen if 12 people each shake hands once "
                + "with everyone else.");
        add(THINKING, Language.ENGLISH, "Evaluate the integral of x*e^x dx.");
        add(IMAGE, Language.ENGLISH, "Can you make me an avatar of a fox wearing a hoodie, pixel art?");
        add(IMAGE, Language.ENGLISH, "Design a poster for our school science fair.");
        add(IMAGE, Language.ENGLISH, "Generate a banner image for my YouTube channel about cooking");
        add(SEARCH, Language.ENGLISH, "What time does the Apple event start tomorrow?");
        add(SEARCH, Language.ENGLISH, "current bitcoin price?");
        add(SEARCH, Language.ENGLISH, "Any news about the Tesla recall this week?");
        add(GENERAL, Language.ENGLISH, "How do I politely decline a wedding invitation?");
        add(GENERAL, Language.ENGLISH, "Recommend three sci-fi novels for a teenager.");
        add(GENERAL, Language.ENGLISH, "What's a good name for a golden retriever puppy?");
        add(GENERAL, Language.ENGLISH, "Rewrite this paragraph to sound more professional: we are super sorry "
                + "about the delay lol");
        add(GENERAL, Language.ENGLISH, "Explain the rules of cricket simply.");
    }

    private void arabic() {
        add(CODE, Language.ARABIC, "كيف أعمل لوب في بايثون يمر على قاموس؟");
        add(CODE, Language.ARABIC, "عندي مشكلة في الاتصال بقاعدة البيانات من Node، يطلع لي timeout");
        add(CODE, Language.ARABIC, "حول هذا الكود من جافا إلى كوتلن");
        add(CODE, Language.ARABIC, "ايش الفرق بين let و const في جافاسكربت؟");
        add(CODE, Language.ARABIC, "اكتب استعلام يجيب أكثر عشر عملاء شراءً من جدول الطلبات");
        add(THINKING, Language.ARABIC, "إذا كان لديك ٨ كرات إحداها أثقل، كيف تجدها بوزنتين فقط؟");
        add(THINKING, Language.ARABIC, "ما هو الحل الأمثل لمسألة حقيبة الظهر ولماذا؟");
        add(THINKING, Language.ARABIC, "استنتج القاعدة العامة للمتتالية: 2، 6، 12، 20، ...");
        add(THINKING, Language.ARABIC, "فكّر معي: هل الأفضل شراء سيارة أم استئجارها على المدى الطويل؟");
        add(IMAGE, Language.ARABIC, "سوي لي صورة لقطة لابسة نظارة شمسية");
        add(IMAGE, Language.ARABIC, "أبغى تصميم غلاف لكتابي عن الطبخ");
        add(IMAGE, Language.ARABIC, "حول هذا الوصف إلى لوحة فنية: جبال وثلج وشمس غاربة");
        add(SEARCH, Language.ARABIC, "متى موعد صلاة الجمعة في الرياض اليوم؟");
        add(SEARCH, Language.ARABIC, "وش صار في اجتماع أوبك الأخير؟");
        add(SEARCH, Language.ARABIC, "ابحث لي عن فنادق رخيصة في إسطنبول");
        add(SEARCH, Language.ARABIC, "كم سعر صرف الدولار مقابل الجنيه المصري اليوم؟");
        add(GENERAL, Language.ARABIC, "اكتب لي خطاب تقديم لوظيفة محاسب");
        add(GENERAL, Language.ARABIC, "ما معنى كلمة 'سرمدي'؟");
        add(GENERAL, Language.ARABIC, "نصائح للنوم المبكر");
        add(GENERAL, Language.ARABIC, "احكي لي قصة قبل النوم عن أرنب شجاع");
        add(GENERAL, Language.ARABIC, "ما هي عاصمة أستراليا؟");
    }

    private void add(TaskClass expected, Language language, String prompt) {
        all.add(new Labelled(expected, Decider.TEXT, language, prompt, ClassifierInput.ofUserText(prompt)));
    }
}
