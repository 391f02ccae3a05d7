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
 * Round-3 held-out prompts, written after the last lexicon change and never tuned against: their
 * score estimates how the classifier does on traffic it has not seen. Keep it that way — when these
 * teach the lexicon something, move them to {@link LabelledTextPrompts} and write a new round.
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
        en(CODE, "Add pagination to this Express endpoint: app.get('/users', async (req, res) => "
                + "{ res.json(await db.all()) })");
        en(CODE, "What's the idiomatic way to handle errors in Rust?");
        en(CODE, "Explain Big-O of quicksort in the worst case");
        en(CODE, "Write a Dockerfile for a Spring Boot app with a multi-stage build");
        en(CODE, "I keep getting CORS errors when my frontend calls the backend");
        en(CODE, "Turn this list comprehension into a normal for loop: [x*2 for x in nums if x > 0]");
        en(THINKING, "If it takes 5 machines 5 minutes to make 5 widgets, how long would 100 machines take "
                + "to make 100 widgets?");
        en(THINKING, "Is it rational to buy lottery tickets? Analyze the expected value.");
        en(THINKING, "Show that there are infinitely many primes.");
        en(THINKING, "A snail climbs 3m up a 10m well each day and slips 2m each night. When does it escape?");
        en(IMAGE, "Create a storyboard frame of a spaceship landing on Mars, cinematic lighting");
        en(IMAGE, "Generate a 16:9 hero image for a fintech landing page");
        en(IMAGE, "Sketch a floor plan for a small two-bedroom apartment");
        en(IMAGE, "Make a cute sticker of a cactus with a smiley face");
        en(SEARCH, "Which flights from Dubai to London are cheapest next week?");
        en(SEARCH, "What is the current population of Tokyo?");
        en(SEARCH, "Latest updates on the OpenAI DevDay announcements?");
        en(SEARCH, "Has the new Zelda game been released yet?");
        en(GENERAL, "How should I react when my toddler throws a tantrum?");
        en(GENERAL, "Write a short story about a girl who loves to draw dragons");
        en(GENERAL, "Give me tips for a job interview at a bank");
        en(GENERAL, "What does 'carpe diem' mean?");
        en(GENERAL, "Suggest a weekly meal plan for a vegetarian");
        en(GENERAL, "Write a thank-you note to my team for finishing the project early");
    }

    private void arabic() {
        ar(CODE, "عندي ملف اكسل كبير وأبغى أحوله لقاعدة بيانات MySQL، وش أسهل طريقة برمجياً؟");
        ar(CODE, "كيف أسوي login بـ JWT في Node.js؟");
        ar(CODE, "ليش يطلع لي خطأ undefined is not a function في الكونسول؟");
        ar(CODE, "علمني أساسيات لغة Go للمبتدئين");
        ar(CODE, "كيف أحسن أداء استعلامات SQL البطيئة؟");
        ar(THINKING, "إذا كانت الساعة تشير إلى 3:15، كم الزاوية بين عقربي الساعات والدقائق؟");
        ar(THINKING, "فكر خطوة خطوة: عندي 10 تفاحات أكلت 3 وأعطيت نصف الباقي لأخي، كم بقي معي؟");
        ar(THINKING, "أثبت أن مربع أي عدد زوجي هو عدد زوجي");
        ar(THINKING, "ما هي الاستراتيجية المثلى في لعبة إكس أو؟ حلل الاحتمالات");
        ar(IMAGE, "صمم لي بطاقة دعوة لحفل زواج بألوان ذهبية");
        ar(IMAGE, "أرسم منظر طبيعي لشلال في غابة استوائية");
        ar(IMAGE, "أريد أيقونة تطبيق على شكل قلم وكتاب");
        ar(IMAGE, "اعمل صورة كاريكاتير لمدير غاضب في اجتماع");
        ar(SEARCH, "متى يبدأ شهر رمضان هذا العام؟");
        ar(SEARCH, "ايش آخر تحديث لنظام iOS؟");
        ar(SEARCH, "ما هي أسعار تذاكر الطيران من الرياض إلى القاهرة الأسبوع الجاي؟");
        ar(SEARCH, "ابحث عن مطاعم قريبة مفتوحة الآن في دبي");
        ar(GENERAL, "اكتب لي تهنئة بمناسبة عيد الفطر");
        ar(GENERAL, "كيف أتعلم اللغة الإنجليزية بسرعة؟");
        ar(GENERAL, "ما هي أفضل طريقة لتنظيم الوقت للطلاب؟");
        ar(GENERAL, "صف لي شعورك عند رؤية البحر بأسلوب أدبي");
        ar(GENERAL, "لخص لي هذه الفقرة: كان يا ما كان في قديم الزمان...");
        ar(GENERAL, "ما هي برامج التلفزيون المناسبة للأطفال؟");
        ar(GENERAL, "كيف أرسم حدود واضحة مع زملائي في العمل؟");
    }

    private void en(TaskClass expected, String prompt) {
        add(expected, Language.ENGLISH, prompt);
    }

    private void ar(TaskClass expected, String prompt) {
        add(expected, Language.ARABIC, prompt);
    }

    private void add(TaskClass expected, Language language, String prompt) {
        all.add(new Labelled(expected, Decider.TEXT, language, prompt, ClassifierInput.ofUserText(prompt)));
    }
}
