package dev.castline.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The one definition of a slug: lowercase ASCII letters and digits in hyphen-separated words. */
public final class Slugs {
    public static final int MAX_LENGTH = 100;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && candidate.length() <= MAX_LENGTH && SLUG.matcher(candidate).matches();
    }

    /**
     * A slug made from a title: accents folded ("Café" → "cafe"), everything else that is not a
     * letter or digit becomes one hyphen, cut at a word boundary to fit. A title with no letters
     * or digits at all (emoji only, say) gives "episode", and the caller makes it unique.
     */
    public static String fromTitle(String title) {
        String folded = COMBINING_MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NON_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = trimHyphens(slug.substring(0, cut > 0 ? cut : MAX_LENGTH));
        }
        return slug.isEmpty() ? "episode" : slug;
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
