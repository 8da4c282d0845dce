package dev.castline.domain;

import java.util.regex.Pattern;

/** A tag is a short lowercase word, as in the seeds' tech stacks: {@code lets-encrypt}, {@code node.js}. */
public final class Tags {
    public static final int MAX_LENGTH = 40;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9.+-]{0," + (MAX_LENGTH - 1) + "}");

    private Tags() {
    }

    public static boolean isValid(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }

    public static String describeRule() {
        return "must be 1 to " + MAX_LENGTH + " lowercase letters, digits, '.', '+' or '-', starting with a letter or digit";
    }
}
