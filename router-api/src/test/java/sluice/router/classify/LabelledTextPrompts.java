package sluice.router.classify;

import static sluice.router.classify.TaskClass.CODE;
import static sluice.router.classify.TaskClass.GENERAL;
import static sluice.router.classify.TaskClass.IMAGE;
import static sluice.router.classify.TaskClass.SEARCH;
import static sluice.router.classify.TaskClass.THINKING;

import java.util.List;
import sluice.router.classify.LabelledPrompts.Decider;
import sluice.router.classify.LabelledPrompts.Labelled;
import sluice.router.classify.LabelledPrompts.Language;

/** The text-decided half of the corpus: no request features, only what the user wrote. */
final class LabelledTextPrompts {

    private final List<Labelled> all;

    LabelledTextPrompts(List<Labelled> all) {
        this.all = all;
    }

    void addAll() {
        englishCode();
        arabicCode();
        thinking();
        image();
        search();
        general();
        mixedAndTricky();
    }

    private void englishCode() {
        en(CODE, "Write a Python function that merges two sorted lists without using sort().");
        en(CODE, "I'm getting this stack trace when I start the app:\n```\nException in thread \"main\" "
                + "java.lang.NullPointerException\n    at com.acme.App.main(App.java:14)\n```\nwhat's wrong?");
        en(CODE, "Can you refactor this class so it uses constructor injection instead of field injection?");
        en(CODE, "Write a regex that matches ISO-8601 dates like 2024-03-15T10:00:00Z.");
        en(CODE, "How do I write a SQL query that returns the top 3 salaries per department?");
        en(CODE, "My component re-renders forever when I call setState inside useEffect: "
                + "useEffect(() => { setCount(count + 1); }); const x = 1; let y = 2;");
        en(CODE, "Write a Python script that resizes every image in a folder to 800px wide using Pillow.");
        en(CODE, "Implement binary search in Java and explain its time complexity.");
        en(CODE, "Why does this compile error happen: error: incompatible types: String cannot be converted to int");
        en(CODE, "Fix the bug in this function:\n```js\nfunction add(a, b) { return a - b; }\n```");
        en(CODE, "Convert this bash script to PowerShell: for f in *.log; do gzip \"$f\"; done");
        en(CODE, "What's the difference between an abstract class and an interface in Kotlin?");
        en(CODE, "Write a unit test for the parseDate method using JUnit 5.");
        en(CODE, "How do I search for a string across all files in a git repository?");
    }

    private void arabicCode() {
        ar(CODE, "اكتب كود بايثون يقرأ ملف CSV ويحسب متوسط العمود الثاني");
        ar(CODE, "عندي خطأ برمجي في الدالة دي، بترجع None بدل القيمة الصحيحة");
        ar(CODE, "كيف أكتب دالة في جافا سكربت تحذف العناصر المكررة من مصفوفة؟");
        ar(CODE, "اشرح لي هذا الكود سطرًا بسطر");
        ar(CODE, "ساعدني في برمجة تطبيق ويب بسيط باستخدام Flask");
        ar(CODE, "ما الفرق بين الـ SQL و NoSQL في قواعد البيانات؟");
        ar(CODE, "صحح الخطأ في هذا الكود:\n```python\nfor i in range(10)\n    print(i)\n```");
        ar(CODE, "اكتب برنامج بلغة C++ يطبع الأعداد الأولية حتى 100");
        ar(CODE, "أريد تحويل هذه الدالة إلى async/await بدل callbacks");
        ar(CODE, "اُكْتُبْ كُودًا يَفْرِزُ قَائِمَةً مِنَ الأَرْقَامِ تَنَازُلِيًّا");
        ar(CODE, "كيف أستخدم regex في بايثون لاستخراج الإيميلات من نص؟");
        ar(CODE, "وش أفضل طريقة لتعلم البرمجة من الصفر؟");
    }

    private void thinking() {
        en(THINKING, "Prove that the square root of 2 is irrational.");
        en(THINKING, "Solve step by step: a train leaves at 3pm going 60 km/h, another at 4pm going 80 km/h. "
                + "When does the second catch up?");
        en(THINKING, "Why does ice float on water even though it is a solid?");
        en(THINKING, "Think carefully: if all bloops are razzies and all razzies are lazzies, "
                + "are all bloops definitely lazzies?");
        en(THINKING, "What is the probability of getting at least two heads in five coin tosses? "
                + "Show your reasoning.");
        en(THINKING, "Derive the formula for the sum of a geometric series.");
        en(THINKING, "A bat and a ball cost $1.10 in total. The bat costs $1.00 more than the ball. "
                + "How much does the ball cost? Reason it out.");
        en(THINKING, "Compare the trade-offs of a monolith versus microservices for a 5-person startup "
                + "and reason through which one to pick.");
        ar(THINKING, "برهن أن مجموع زوايا المثلث يساوي 180 درجة");
        ar(THINKING, "حل المعادلة التالية خطوة بخطوة: 2س + 5 = 17");
        ar(THINKING, "فكر جيدا قبل الإجابة: إذا كان عمر أحمد ضعف عمر سارة قبل خمس سنوات، "
                + "ومجموع عمريهما الآن 40، فكم عمر كل منهما؟");
        ar(THINKING, "لماذا تسقط الأجسام بنفس السرعة في الفراغ؟ اشرح بالتفصيل مع الاستدلال");
        ar(THINKING, "أثبت أن العدد ١٧ عدد أولي");
        ar(THINKING, "احسب احتمال الحصول على رقمين زوجيين عند رمي نردين");
        ar(THINKING, "بَرْهِنْ عَلَى أَنَّ مَجْمُوعَ أَوَّلِ n عَدَدًا فَرْدِيًّا يُسَاوِي n²");
        ar(THINKING, "علل: لماذا يعتبر الاستثمار طويل المدى أقل مخاطرة؟");
    }

    private void image() {
        en(IMAGE, "Draw a cozy cabin in a snowy forest at dusk, watercolor style.");
        en(IMAGE, "Generate an image of a cat astronaut floating above Earth.");
        en(IMAGE, "Create a minimalist logo for a coffee shop called Bean There.");
        en(IMAGE, "I need a picture of a medieval castle on a cliff, photorealistic, 4k.");
        en(IMAGE, "Make a cartoon portrait of my dog wearing sunglasses");
        ar(IMAGE, "ارسم قطة تلعب بكرة صوف بأسلوب الأنمي");
        ar(IMAGE, "أنشئ صورة لغروب الشمس فوق البحر");
        ar(IMAGE, "صمم شعار لشركة ناشئة في مجال التقنية");
        ar(IMAGE, "أريد صورة واقعية لمدينة مستقبلية في الليل");
        ar(IMAGE, "ارسملي رسمة كرتونية لطفل يقرأ كتاب");
    }

    private void search() {
        en(SEARCH, "What's the latest news on the Mars sample return mission?");
        en(SEARCH, "Search the web for the current EUR to USD exchange rate.");
        en(SEARCH, "Who won the Champions League final last night?");
        en(SEARCH, "What's the weather in Riyadh today?");
        en(SEARCH, "Look up the release date of the next iPhone.");
        en(SEARCH, "Find recent articles about EU AI Act enforcement and cite sources.");
        ar(SEARCH, "ابحث عن آخر الأخبار حول أسعار النفط");
        ar(SEARCH, "ما هي أحدث أخبار الذكاء الاصطناعي اليوم؟");
        ar(SEARCH, "كم سعر الذهب الآن في السعودية؟");
        ar(SEARCH, "ما حالة الطقس في جدة غدا؟");
        ar(SEARCH, "ابحث في الإنترنت عن نتيجة مباراة الهلال والنصر");
        ar(SEARCH, "مين فاز بكأس العالم للأندية هذا العام؟");
    }

    private void general() {
        en(GENERAL, "Write a short poem about autumn leaves.");
        en(GENERAL, "Translate 'good morning, how are you?' into French.");
        en(GENERAL, "Give me a 3-day itinerary for Lisbon.");
        en(GENERAL, "Summarize the plot of Pride and Prejudice in five sentences.");
        en(GENERAL, "Can you suggest a name for my bakery?");
        en(GENERAL, "Write a polite email asking my landlord to fix the heating.");
        en(GENERAL, "What are some good exercises for lower back pain?");
        en(GENERAL, "Put the winter clothes in the bottom drawer, then tell me a fun fact about octopuses.");
        ar(GENERAL, "اكتب قصيدة قصيرة عن الوطن");
        ar(GENERAL, "ترجم هذه الجملة إلى الإنجليزية: أنا أحب القراءة");
        ar(GENERAL, "اقترح علي أسماء لمطعم شعبي");
        ar(GENERAL, "لخص لي كتاب العادات السبع للناس الأكثر فعالية");
        ar(GENERAL, "اكتب رسالة شكر لمعلمي بمناسبة نهاية العام الدراسي");
        ar(GENERAL, "ما هي فوائد شرب الماء صباحاً؟");
        ar(GENERAL, "أعطني وصفة سهلة للكبسة");
        ar(GENERAL, "كيف أتعامل مع القلق قبل الامتحان؟");
    }

    private void mixedAndTricky() {
        mixed(CODE, "Explain what this regex does: ^(?:[a-z0-9]+\\.)*example\\.com$ — ما معنى هذا التعبير؟");
        mixed(CODE, "اكتب لي function في Python ترجع أكبر رقم في list");
        mixed(CODE, "ابحث عن الخطأ في هذا الكود ولماذا يعطي IndexError");
        mixed(CODE, "رسم بياني في بايثون باستخدام matplotlib يوضح المبيعات الشهرية");
        mixed(CODE, "عندي exception في Spring Boot لما أشغل التطبيق: BeanCreationException");
        mixed(SEARCH, "What's the latest stable version of Python and what changed?");
        mixed(IMAGE, "Draw me a diagram-style illustration of the water cycle for kids");
        mixed(THINKING, "اشرح لماذا يكون مجموع زوايا المثلث ١٨٠ درجة step by step");
    }

    private void en(TaskClass expected, String prompt) {
        add(expected, Language.ENGLISH, prompt);
    }

    private void ar(TaskClass expected, String prompt) {
        add(expected, Language.ARABIC, prompt);
    }

    private void mixed(TaskClass expected, String prompt) {
        add(expected, Language.MIXED, prompt);
    }

    private void add(TaskClass expected, Language language, String prompt) {
        all.add(new Labelled(expected, Decider.TEXT, language, prompt, ClassifierInput.ofUserText(prompt)));
    }
}
