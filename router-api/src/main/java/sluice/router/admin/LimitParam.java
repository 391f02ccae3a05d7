package sluice.router.admin;

/** A {@code limit} query parameter: how many of the newest items a list returns. */
final class LimitParam {
    private LimitParam() {
    }

    /**
     * @return {@code text} as an integer in 1..{@code max}, or {@code fallback} when absent
     * @throws AdminInputException (field {@code limit}) for anything else
     */
    static int parse(String text, int fallback, int max) {
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AdminInputException("limit", "must be an integer from 1 to " + max);
    }
}
