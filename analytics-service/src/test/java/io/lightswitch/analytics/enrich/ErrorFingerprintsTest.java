package io.lightswitch.analytics.enrich;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorFingerprintsTest {

    private static final String CHECKOUT_STACK = """
            TypeError: Cannot read properties of undefined (reading 'total')
                at renderSummary (https://www.shop.example/assets/checkout.3f9a1c.js:212:17)
                at Checkout.render (https://www.shop.example/assets/checkout.3f9a1c.js:80:3)""";

    @Test
    void groupsOccurrencesThatDifferOnlyInIdsNumbersAndBuild() {
        ErrorFingerprint first = ErrorFingerprints.of("TypeError",
                "Cannot read properties of undefined (reading 'x') for user 1842", CHECKOUT_STACK);
        ErrorFingerprint second = ErrorFingerprints.of("TypeError",
                "Cannot read properties of undefined (reading 'x') for user 977",
                CHECKOUT_STACK.replace("3f9a1c", "b7e02d").replace("212:17", "214:9"));

        assertThat(second).isEqualTo(first);
        assertThat(first.normalisedMessage())
                .isEqualTo("Cannot read properties of undefined (reading <str>) for user <n>");
        assertThat(first.topFrame()).isEqualTo("renderSummary (/assets/checkout.js)");
        assertThat(first.fingerprint()).matches("[0-9a-f]{40}");
    }

    @Test
    void separatesTheSameMessageThrownFromDifferentPlaces() {
        String elsewhere = CHECKOUT_STACK.replace("renderSummary", "renderTotals");

        ErrorFingerprint summary = ErrorFingerprints.of("TypeError", "Cannot read properties of undefined", CHECKOUT_STACK);
        ErrorFingerprint totals = ErrorFingerprints.of("TypeError", "Cannot read properties of undefined", elsewhere);

        assertThat(summary.fingerprint()).isNotEqualTo(totals.fingerprint());
    }

    @Test
    void separatesDifferentTypesAndMessages() {
        ErrorFingerprint typeError = ErrorFingerprints.of("TypeError", "boom", CHECKOUT_STACK);

        assertThat(ErrorFingerprints.of("RangeError", "boom", CHECKOUT_STACK).fingerprint())
                .isNotEqualTo(typeError.fingerprint());
        assertThat(ErrorFingerprints.of("TypeError", "bang", CHECKOUT_STACK).fingerprint())
                .isNotEqualTo(typeError.fingerprint());
    }

    @Test
    void groupsUncaughtReportsWithCaughtOnes() {
        ErrorFingerprint caught = ErrorFingerprints.of("TypeError", "x is not a function", CHECKOUT_STACK);
        ErrorFingerprint uncaught = ErrorFingerprints.of("TypeError", "Uncaught TypeError: x is not a function",
                CHECKOUT_STACK);

        assertThat(uncaught).isEqualTo(caught);
    }

    @Test
    void callsAnErrorWithoutTypeError() {
        assertThat(ErrorFingerprints.of(null, "boom", null).type()).isEqualTo("Error");
        assertThat(ErrorFingerprints.of("  ", "boom", null).type()).isEqualTo("Error");
    }

    @Test
    void fingerprintsAnErrorWithoutStackOrMessage() {
        ErrorFingerprint fingerprint = ErrorFingerprints.of("TypeError", null, null);

        assertThat(fingerprint.topFrame()).isNull();
        assertThat(fingerprint.normalisedMessage()).isEmpty();
        assertThat(fingerprint.fingerprint()).isEqualTo(ErrorFingerprints.of("TypeError", null, null).fingerprint());
    }
}
