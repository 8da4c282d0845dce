package dev.castline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request body reader: every accessor, every refusal with the path it names, every limit at and one past it. */
class JsonBodyTest {
    private static final Set<String> ANY = Set.of("a", "b", "n", "s", "t", "list", "items", "tags", "flag", "x");

    // ------------------------------------------------------------ the body as a whole

    @Test
    void aMissingOrBlankBodyIsRefusedWithoutAField() {
        for (String body : new String[] {null, "", "   ", "\n\t"}) {
            assertBadRequest(() -> JsonBody.parse(body, ANY), null, "needs a JSON object body");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[1]", "\"text\"", "1", "true", "null"})
    void aBodyThatIsNotAnObjectIsRefused(String body) {
        assertBadRequest(() -> JsonBody.parse(body, ANY), null, "must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":01}", "{\"a\":NaN}"})
    void invalidJsonIsRefusedWithoutQuotingIt(String body) {
        assertBadRequest(() -> JsonBody.parse(body, ANY), null, "is not valid JSON");
        assertThatThrownBy(() -> JsonBody.parse(body, ANY)).hasMessageNotContaining(body);
    }

    @Test
    void theBodySizeLimitIsInclusive() {
        String atLimit = padded(JsonBody.MAX_BYTES);
        assertThat(atLimit).hasSize(JsonBody.MAX_BYTES);
        assertThat(JsonBody.parse(atLimit, ANY).text("s")).hasSize(JsonBody.MAX_BYTES - "{\"s\":\"\"}".length());

        String onePast = padded(JsonBody.MAX_BYTES + 1);
        assertBadRequest(() -> JsonBody.parse(onePast, ANY), null, "larger than " + JsonBody.MAX_BYTES + " bytes");
    }

    @Test
    void anEmptyObjectHasNoFields() {
        JsonBody body = JsonBody.parse("{}", ANY);
        assertThat(body.has("a")).isFalse();
        assertThat(body.text("a")).isNull();
    }

    @Test
    void anOptionalBodyMayBeAbsentOrBlankButNotWrong() {
        for (String body : new String[] {null, "", "  "}) {
            JsonBody empty = JsonBody.parseOptional(body, Set.of("a"));
            assertThat(empty.has("a")).isFalse();
            assertThat(empty.text("a")).isNull();
        }
        assertThat(JsonBody.parseOptional("{\"a\":\"x\"}", Set.of("a")).text("a")).isEqualTo("x");
        assertBadRequest(() -> JsonBody.parseOptional("{\"b\":1}", Set.of("a")), "b", "b is not a field of this request");
        assertBadRequest(() -> JsonBody.parseOptional("[]", Set.of("a")), null, "must be a JSON object");
    }

    // ------------------------------------------------------------ unknown and duplicate fields

    @Test
    void anUnknownTopLevelFieldIsRefusedByName() {
        assertBadRequest(() -> JsonBody.parse("{\"title\":\"x\",\"titel\":\"y\"}", Set.of("title")),
                "titel", "titel is not a field of this request");
    }

    @Test
    void theFirstUnknownFieldInTheDocumentIsTheOneNamed() {
        assertBadRequest(() -> JsonBody.parse("{\"zeta\":1,\"alpha\":2}", Set.of("a")), "zeta", "zeta is not a field");
    }

    @Test
    void anUnknownFieldOfANestedObjectIsRefusedWithItsPath() {
        JsonBody body = JsonBody.parse("{\"items\":[{\"t\":\"a\"},{\"t\":\"b\",\"bogus\":true}]}", ANY);
        assertBadRequest(() -> body.objects("items", Set.of("t")), "items[1].bogus", "items[1].bogus is not a field of this request");
    }

    @Test
    void nestedObjectsNameTheirFieldsByTheFullPath() {
        JsonBody body = JsonBody.parse("{\"items\":[{\"t\":\"a\",\"list\":[{\"n\":1},{\"n\":\"two\"}]}]}", ANY);
        List<JsonBody> items = body.objects("items", Set.of("t", "list"));
        assertThat(items).hasSize(1);
        JsonBody item = items.get(0);
        assertThat(item.path("t")).isEqualTo("items[0].t");
        assertThat(item.text("t")).isEqualTo("a");
        List<JsonBody> inner = item.objects("list", Set.of("n"));
        assertThat(inner).hasSize(2);
        assertThat(inner.get(0).integer("n")).isEqualTo(1);
        assertThat(inner.get(1).path("n")).isEqualTo("items[0].list[1].n");
        assertBadRequest(() -> inner.get(1).integer("n"), "items[0].list[1].n", "items[0].list[1].n must be a whole number");
        assertBadRequest(() -> item.objects("list", Set.of()), "items[0].list[0].n", "items[0].list[0].n is not a field of this request");
        assertBadRequest(() -> item.text("list"), "items[0].list", "items[0].list must be a string");
    }

    @Test
    void aTopLevelBodyHasAnEmptyPathPrefix() {
        JsonBody body = JsonBody.parse("{\"a\":1}", ANY);
        assertThat(body.path("a")).isEqualTo("a");
        ApiException bad = body.bad("a", "is wrong");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("bad_request");
        assertThat(bad.field()).isEqualTo("a");
        assertThat(bad.getMessage()).isEqualTo("a is wrong");
    }

    @Test
    void duplicateKeysAreRefusedAtEveryDepth() {
        assertBadRequest(() -> JsonBody.parse("{\"a\":1,\"a\":2}", ANY), null, "repeats a key");
        assertBadRequest(() -> JsonBody.parse("{\"a\":\"x\",\"b\":1,\"a\":\"x\"}", ANY), null, "repeats a key");
        assertBadRequest(() -> JsonBody.parse("{\"items\":[{\"t\":1,\"t\":2}]}", ANY), null, "repeats a key");
        // The same key in two different objects is no duplicate.
        assertThat(JsonBody.parse("{\"items\":[{\"t\":1},{\"t\":2}],\"t\":3}", ANY).integer("t")).isEqualTo(3);
    }

    // ------------------------------------------------------------ depth

    @Test
    void nestingIsAllowedToTheDepthLimitAndNoDeeper() {
        // The body's own object is level 1; the arrays inside it make up the rest.
        String atLimit = nested(JsonBody.MAX_DEPTH - 1);
        assertThat(JsonBody.parse(atLimit, ANY).has("a")).isTrue();
        String onePast = nested(JsonBody.MAX_DEPTH);
        assertBadRequest(() -> JsonBody.parse(onePast, ANY), null, "nests deeper than " + JsonBody.MAX_DEPTH + " levels");
    }

    @Test
    void objectsCountTowardsTheDepthLikeArrays() {
        String atLimit = "{\"a\":".repeat(JsonBody.MAX_DEPTH - 1) + "{}" + "}".repeat(JsonBody.MAX_DEPTH - 1);
        assertThat(JsonBody.parse(atLimit, ANY).has("a")).isTrue();
        String onePast = "{\"a\":".repeat(JsonBody.MAX_DEPTH) + "{}" + "}".repeat(JsonBody.MAX_DEPTH);
        assertBadRequest(() -> JsonBody.parse(onePast, ANY), null, "is not valid JSON");
    }

    // ------------------------------------------------------------ text

    @Test
    void textIsAStringOrNull() {
        JsonBody body = JsonBody.parse("{\"a\":\"hé \\u2603\",\"b\":null,\"n\":1,\"t\":true,\"list\":[\"x\"],\"x\":{}}", ANY);
        assertThat(body.text("a")).isEqualTo("hé ☃");
        assertThat(body.text("b")).isNull();
        assertThat(body.text("s")).isNull();
        assertBadRequest(() -> body.text("n"), "n", "n must be a string");
        assertBadRequest(() -> body.text("t"), "t", "t must be a string");
        assertBadRequest(() -> body.text("list"), "list", "list must be a string");
        assertBadRequest(() -> body.text("x"), "x", "x must be a string");
    }

    @Test
    void requiredTextTellsAbsentFromNull() {
        JsonBody body = JsonBody.parse("{\"a\":\"\",\"b\":null,\"n\":2,\"t\":\"Title\"}", ANY);
        assertThat(body.requiredText("a")).isEmpty();
        assertThat(body.requiredText("t")).isEqualTo("Title");
        assertBadRequest(() -> body.requiredText("b"), "b", "b cannot be null");
        assertBadRequest(() -> body.requiredText("s"), "s", "s is required");
        assertBadRequest(() -> body.requiredText("n"), "n", "n must be a string");
        assertThat(body.has("b")).isTrue();
        assertThat(body.has("s")).isFalse();
    }

    // ------------------------------------------------------------ booleans

    @Test
    void boolIsTrueFalseOrNull() {
        JsonBody body = JsonBody.parse("{\"a\":true,\"b\":false,\"n\":null,\"s\":\"true\",\"t\":1}", ANY);
        assertThat(body.bool("a")).isTrue();
        assertThat(body.bool("b")).isFalse();
        assertThat(body.bool("n")).isNull();
        assertThat(body.bool("x")).isNull();
        assertBadRequest(() -> body.bool("s"), "s", "s must be true or false");
        assertBadRequest(() -> body.bool("t"), "t", "t must be true or false");
    }

    // ------------------------------------------------------------ whole numbers

    @Test
    void integerTakesEveryIntAndNothingPastIt() {
        JsonBody body = JsonBody.parse("{\"a\":2147483647,\"b\":-2147483648,\"n\":2147483648,\"s\":-2147483649,\"t\":0,\"x\":null}", ANY);
        assertThat(body.integer("a")).isEqualTo(Integer.MAX_VALUE);
        assertThat(body.integer("b")).isEqualTo(Integer.MIN_VALUE);
        assertThat(body.integer("t")).isZero();
        assertThat(body.integer("x")).isNull();
        assertThat(body.integer("list")).isNull();
        assertBadRequest(() -> body.integer("n"), "n", "n must be a whole number");
        assertBadRequest(() -> body.integer("s"), "s", "s must be a whole number");
    }

    @Test
    void wholeTakesEveryLongAndNothingElse() {
        JsonBody body = JsonBody.parse("{\"a\":9223372036854775807,\"b\":-9223372036854775808,\"t\":7,\"x\":2147483648,"
                + "\"n\":9223372036854775808,\"s\":1.0,\"list\":\"1\",\"flag\":true}", ANY);
        assertThat(body.whole("a")).isEqualTo(Long.MAX_VALUE);
        assertThat(body.whole("b")).isEqualTo(Long.MIN_VALUE);
        assertThat(body.whole("t")).isEqualTo(7L);
        assertThat(body.whole("x")).isEqualTo(2_147_483_648L);
        assertThat(body.whole("items")).isNull();
        assertBadRequest(() -> body.whole("n"), "n", "n must be a whole number");
        assertBadRequest(() -> body.whole("s"), "s", "s must be a whole number");
        assertBadRequest(() -> body.whole("list"), "list", "list must be a whole number");
        assertBadRequest(() -> body.whole("flag"), "flag", "flag must be a whole number");
    }

    @Test
    void wholeIsNullWhenTheValueIsNull() {
        assertThat(JsonBody.parse("{\"a\":null}", ANY).whole("a")).isNull();
    }

    // ------------------------------------------------------------ numbers: length (parser) and magnitude (accessor)

    @Test
    void theNumberLengthLimitIsInclusive() {
        String digits40 = "1" + "0".repeat(JsonBody.MAX_NUMBER_LENGTH - 1);
        JsonBody body = JsonBody.parse("{\"n\":" + digits40 + "}", ANY);
        assertThat(body.has("n")).isTrue();
        // Parsed, but far past the magnitude any field takes: the accessor refuses it by name.
        assertBadRequest(() -> body.number("n"), "n", "n must be a number below 10^18");

        String digits41 = digits40 + "0";
        assertBadRequest(() -> JsonBody.parse("{\"n\":" + digits41 + "}", ANY), null,
                "a number longer than " + JsonBody.MAX_NUMBER_LENGTH + " characters");
        // The sign is not a digit; a fraction far past the limit is refused by the parser too.
        assertThat(JsonBody.parse("{\"n\":-" + digits40 + "}", ANY).has("n")).isTrue();
        assertBadRequest(() -> JsonBody.parse("{\"n\":-" + digits41 + "}", ANY), null, "is not valid JSON");
        assertBadRequest(() -> JsonBody.parse("{\"n\":0." + "1".repeat(100) + "}", ANY), null, "is not valid JSON");
    }

    @Test
    void numbersBelowTenToTheEighteenAreTaken() {
        JsonBody body = JsonBody.parse("{\"a\":999999999999999999,\"b\":-999999999999999999,\"t\":99999999999999999.5,"
                + "\"x\":1e17,\"s\":12.25,\"n\":7}", ANY);
        assertThat(body.number("a")).isEqualByComparingTo("999999999999999999");
        assertThat(body.number("b")).isEqualByComparingTo("-999999999999999999");
        assertThat(body.number("t")).isEqualByComparingTo("99999999999999999.5");
        assertThat(body.number("x")).isEqualByComparingTo("100000000000000000");
        assertThat(body.number("s")).isEqualTo(new BigDecimal("12.25"));
        assertThat(body.number("n")).isEqualTo(BigDecimal.valueOf(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000000000", "-1000000000000000000", "1000000000000000000.5", "1e18", "1E+18",
        "-1e18", "12345678901234567890", "1e999999", "9223372036854775807"})
    void numbersOfTenToTheEighteenOrMoreAreRefusedByName(String number) {
        JsonBody body = JsonBody.parse("{\"items\":[{\"n\":" + number + "}]}", ANY);
        JsonBody item = body.objects("items", Set.of("n")).get(0);
        assertBadRequest(() -> item.number("n"), "items[0].n",
                "items[0].n must be a number below 10^18 with at most 18 decimals");
    }

    @Test
    void eighteenDecimalsAreTakenAndNineteenAreNot() {
        JsonBody body = JsonBody.parse("{\"a\":0.000000000000000001,\"b\":0.0000000000000000001,\"t\":1.123456789012345678,"
                + "\"x\":1e-18,\"s\":1e-19}", ANY);
        assertThat(body.number("a")).isEqualByComparingTo("1e-18");
        assertThat(body.number("t")).isEqualByComparingTo("1.123456789012345678");
        assertThat(body.number("x")).isEqualByComparingTo("1e-18");
        assertBadRequest(() -> body.number("b"), "b", "b must be a number below 10^18");
        assertBadRequest(() -> body.number("s"), "s", "s must be a number below 10^18");
    }

    @Test
    void zeroIsTakenHoweverItIsWritten() {
        JsonBody body = JsonBody.parse("{\"a\":0,\"b\":0.0000000000000000000000000,\"t\":0e999,\"x\":-0.0,\"s\":0E-30}", ANY);
        for (String field : new String[] {"a", "b", "t", "x", "s"}) {
            assertThat(body.number(field)).as(field).isEqualByComparingTo(BigDecimal.ZERO);
        }
    }

    @Test
    void numberIsNullWhenAbsentOrNullAndRefusesWhatIsNoNumber() {
        JsonBody body = JsonBody.parse("{\"a\":null,\"s\":\"1\",\"t\":true,\"list\":[1],\"x\":{}}", ANY);
        assertThat(body.number("a")).isNull();
        assertThat(body.number("b")).isNull();
        assertBadRequest(() -> body.number("s"), "s", "s must be a number");
        assertBadRequest(() -> body.number("t"), "t", "t must be a number");
        assertBadRequest(() -> body.number("list"), "list", "list must be a number");
        assertBadRequest(() -> body.number("x"), "x", "x must be a number");
    }

    // ------------------------------------------------------------ arrays

    @Test
    void objectsReadsEachItemWithItsOwnPath() {
        JsonBody body = JsonBody.parse("{\"items\":[{\"t\":\"a\"},{},{\"t\":\"c\"}],\"b\":null,\"s\":\"x\",\"list\":[{},1]}", ANY);
        List<JsonBody> items = body.objects("items", Set.of("t"));
        assertThat(items).hasSize(3);
        assertThat(items.get(0).text("t")).isEqualTo("a");
        assertThat(items.get(1).has("t")).isFalse();
        assertThat(items.get(2).text("t")).isEqualTo("c");
        assertBadRequest(() -> items.get(1).requiredText("t"), "items[1].t", "items[1].t is required");
        assertThat(body.objects("b", Set.of())).isNull();
        assertThat(body.objects("a", Set.of())).isNull();
        assertThat(JsonBody.parse("{\"items\":[]}", ANY).objects("items", Set.of())).isEmpty();
        assertBadRequest(() -> body.objects("s", Set.of()), "s", "s must be an array");
        assertBadRequest(() -> body.objects("list", Set.of()), "list[1]", "list[1] must be an object");
    }

    @Test
    void textsReadsAnArrayOfStrings() {
        JsonBody body = JsonBody.parse("{\"tags\":[\"rails\",\"ruby\"],\"list\":[\"a\",\"b\",3],\"b\":null,\"n\":1,\"x\":[null]}", ANY);
        assertThat(body.texts("tags")).containsExactly("rails", "ruby");
        assertThat(body.texts("b")).isNull();
        assertThat(body.texts("a")).isNull();
        assertThat(JsonBody.parse("{\"tags\":[]}", ANY).texts("tags")).isEmpty();
        assertBadRequest(() -> body.texts("list"), "list[2]", "list[2] must be a string");
        assertBadRequest(() -> body.texts("x"), "x[0]", "x[0] must be a string");
        assertBadRequest(() -> body.texts("n"), "n", "n must be an array");
    }

    @Test
    void anArrayOfStringsInsideANestedObjectNamesTheItemByItsFullPath() {
        JsonBody body = JsonBody.parse("{\"items\":[{\"tags\":[\"ok\"]},{\"tags\":[\"ok\",false]}]}", ANY);
        List<JsonBody> items = body.objects("items", Set.of("tags"));
        assertThat(items.get(0).texts("tags")).containsExactly("ok");
        assertBadRequest(() -> items.get(1).texts("tags"), "items[1].tags[1]", "items[1].tags[1] must be a string");
        assertBadRequest(() -> items.get(1).objects("tags", Set.of()), "items[1].tags[0]", "items[1].tags[0] must be an object");
    }

    // ------------------------------------------------------------ helpers

    /** {@code {"s":"xxx…"}}, exactly {@code length} characters (all ASCII, so as many bytes). */
    private static String padded(int length) {
        int overhead = "{\"s\":\"\"}".length();
        return "{\"s\":\"" + "x".repeat(length - overhead) + "\"}";
    }

    /** {@code {"a":[[…[]…]]}} with {@code arrays} nested arrays under the body's object. */
    private static String nested(int arrays) {
        return "{\"a\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
    }

    @Test
    void exponentsPastAnIntAreA400NotAServerFault() {
        for (String number : new String[] {"1e9999999999", "1e-2147483648", "1e2147483647", "-1e2147483647"}) {
            org.assertj.core.api.ThrowableAssert.ThrowingCallable read = () -> JsonBody.parse("{\"x\":" + number + "}", ANY).number("x");
            assertThatThrownBy(read).as(number).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void anythingAfterTheObjectIsRefused() {
        for (String body : new String[] {"{\"a\":1} x", "{\"a\":1}{\"b\":2}", "{\"title\":\"x\"},\"summary\":\"y\"}", "{\"a\":1}]"}) {
            assertBadRequest(() -> JsonBody.parse(body, ANY), null, "");
        }
        assertThat(JsonBody.parse("  {\"a\":1}  \n", ANY).whole("a")).isEqualTo(1L);
    }

    @Test
    void theSizeLimitCountsBytesOfUtf8() {
        // A quarter as many three-byte characters as the limit in bytes, and then some.
        String wide = "{\"s\":\"" + "\u20ac".repeat(JsonBody.MAX_BYTES / 3) + "\"}";
        assertThat(wide.length()).isLessThan(JsonBody.MAX_BYTES);
        assertBadRequest(() -> JsonBody.parse(wide, ANY), null, "larger than " + JsonBody.MAX_BYTES + " bytes");
    }

    private static void assertBadRequest(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("bad_request");
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
