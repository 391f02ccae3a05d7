package sluice.router.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The English and Arabic words and phrases that point at a task class, with weights:
 * 3 = alone it decides, 2 = decides in the last user message, 1 = needs company.
 * A trailing '*' matches any word starting with the stem ({@code refactor*} → refactoring).
 * Arabic words also match behind a proclitic (ال، و، ب، ل، وال، بال…) and before a pronoun or
 * plural suffix (see {@link TextSignalScanner}).
 *
 * <p>Tuned on the corpus in {@code TaskClassifierCorpusTest}; widen it with real traffic.
 */
final class SignalLexicon {

    /** One keyword: the class it votes for, how strongly, and how it is shown in reasons. */
    record Entry(TaskClass taskClass, int weight, String label, String folded, boolean stem) {
    }

    static final int CODE_FENCE = 0;
    static final int CODE_SYNTAX = 1;
    static final int MATH_NOTATION = 2;

    private static final List<Entry> ENTRIES = build();

    private SignalLexicon() {
    }

    static List<Entry> entries() {
        return ENTRIES;
    }

    private static List<Entry> build() {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(TaskClass.CODE, 3, "```", "", false));
        entries.add(new Entry(TaskClass.CODE, 2, "code syntax", "", false));
        entries.add(new Entry(TaskClass.THINKING, 2, "math notation", "", false));
        code(entries);
        thinking(entries);
        image(entries);
        search(entries);
        return List.copyOf(entries);
    }

    private static void code(List<Entry> e) {
        add(e, TaskClass.CODE, 3, "python", "java", "javascript", "typescript", "golang", "kotlin", "c++", "c#",
                "php", "powershell", "regex", "regexp", "sql", "stack trace", "stacktrace", "traceback", "refactor*",
                "debug*", "segfault", "nullpointerexception", "typeerror", "indexerror", "keyerror", "valueerror",
                "attributeerror", "modulenotfounderror", "syntax error", "compiler", "compilation error",
                "unit test*", "junit", "pytest", "npm", "pip install", "git", "dockerfile", "bash script",
                "shell script", "spring boot", "django", "numpy", "dataframe", "matplotlib", "node js", "nodejs",
                "leetcode", "println", "printf", "merge conflict", "swiftui", "async await", "useeffect",
                "github actions",
                "بايثون", "جافا", "جافاسكربت", "سي شارب", "اكتب كود", "كود", "برمج*");
        add(e, TaskClass.CODE, 2, "function", "functions", "code", "coding", "programming", "bug", "bugs",
                "exception", "algorithm", "variable", "array", "recursion", "recursive", "endpoint", "snippet",
                "repo", "pull request", "localhost", "def", "const", "async", "html", "css", "json", "yaml",
                "flask", "docker", "kubernetes", "binary search",
                "abstract class", "constructor", "dependency injection", "hello world", "div", "github", "maven",
                "gradle", "pandas", "one liner", "ريبو",
                "داله", "دوال", "خوارزميه", "سكربت", "سكريبت", "كلاس", "فنكشن", "قاعده بيانات", "قاعده البيانات",
                "قواعد بيانات", "قواعد البيانات");
        add(e, TaskClass.CODE, 1, "compile", "script", "query", "database", "implement", "method", "class",
                "loop", "string", "integer", "import", "return", "null", "undefined", "api", "backend",
                "frontend", "program", "error", "crash*", "deploy", "library", "framework", "install", "react",
                "rust", "bash", "interface", "http", "server", "timeout", "generic", "select", "migration", "merge",
                "optimize", "rails",
                "برنامج", "خطا", "متغير", "مصفوفه", "استعلام", "تطبيق", "سطر", "جدول");
    }

    private static void thinking(List<Entry> e) {
        add(e, TaskClass.THINKING, 3, "prove", "proof", "step by step", "theorem", "lemma", "derive",
                "think carefully", "think through", "reason through", "reason it out", "chain of thought",
                "logic puzzle", "riddle", "show your reasoning", "how many ways", "integer solutions",
                "برهن", "اثبت", "برهان", "خطوه بخطوه", "فكر بعمق");
        add(e, TaskClass.THINKING, 2, "why does", "why do", "why is", "explain why", "reasoning", "solve",
                "equation", "calculate", "math", "probability", "puzzle", "integral", "derivative", "deduce",
                "induction", "contradiction", "paradox", "irrational", "justify",
                "فكر", "علل", "معادله", "احسب", "مساله", "رياضيات", "منطقي", "منطق", "استنتج", "استنتاج",
                "احتمال", "اشرح لماذا", "استدلال", "لغز", "اوجد", "وضح السبب", "برر");
        add(e, TaskClass.THINKING, 1, "reason", "logic", "analyze", "compare", "trade offs", "tradeoffs",
                "pros and cons", "how many", "estimate", "optimal", "strategy", "argue", "carefully",
                "لماذا", "حل", "حلل", "قارن", "تحليل", "بعمق", "دليل", "نظريه", "ناقش");
    }

    private static void image(List<Entry> e) {
        add(e, TaskClass.IMAGE, 3, "draw", "generate an image", "generate a picture", "create an image",
                "create a picture", "make an image", "make a picture", "picture of", "image of", "photo of",
                "illustration", "dall e", "dalle", "midjourney", "stable diffusion", "logo", "wallpaper",
                "photorealistic", "oil painting", "pixel art",
                "ارسم", "ارسملي", "ارسمي", "شعار", "بورتريه", "انشئ صوره", "اصنع صوره", "ولد صوره", "اعمل صوره",
                "لوحه فنيه");
        add(e, TaskClass.IMAGE, 2, "sketch", "painting", "portrait", "cartoon", "anime", "poster", "icon",
                "watercolor", "render", "avatar", "thumbnail", "sticker", "artwork", "paint", "illustrated",
                "book cover", "impressionist",
                "رسمه", "رسم", "صوره", "صمم", "كرتون*", "انمي", "بوستر", "ملصق", "ستيكر");
        add(e, TaskClass.IMAGE, 1, "image", "picture", "photo", "4k", "in the style of", "generate", "banner", "meme",
                "صور", "لوحه", "تصميم", "خلفيه", "غلاف");
    }

    private static void search(List<Entry> e) {
        add(e, TaskClass.SEARCH, 3, "search the web", "search online", "search the internet", "web search",
                "google it", "look it up", "latest news", "todays news", "breaking news", "news today",
                "stock price", "exchange rate", "weather", "latest version",
                "ابحث", "اخر الاخبار", "احدث الاخبار", "نتيجه مباراه", "ابحث في الانترنت");
        add(e, TaskClass.SEARCH, 2, "latest", "news", "look up", "google", "browse", "who won", "up to date",
                "trending", "forecast", "opening hours",
                "اخبار", "احدث", "طقس", "عاجل", "مستجدات", "انترنت", "ويب", "جوجل", "قوقل", "من فاز", "مين فاز");
        add(e, TaskClass.SEARCH, 1, "today", "currently", "this week", "right now", "recent", "recently",
                "sources", "cite", "price", "release date", "yesterday", "last night", "current", "tomorrow", "reviews",
                "what time",
                "بحث", "اليوم", "الان", "حاليا", "سعر", "اسعار", "مباراه", "نتائج", "مصادر", "اخر", "هذا العام",
                "الحين", "زحمه",
                "اخير", "غدا", "امس", "موعد", "متي", "ماذا حدث", "وش صار", "ايش صار");
    }

    private static void add(List<Entry> entries, TaskClass taskClass, int weight, String... keywords) {
        for (String keyword : keywords) {
            boolean stem = keyword.endsWith("*");
            String label = stem ? keyword.substring(0, keyword.length() - 1) : keyword;
            entries.add(new Entry(taskClass, weight, label, NormalizedText.fold(label), stem));
        }
    }
}
