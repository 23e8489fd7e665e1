package io.lightswitch.analytics.enrich;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "User 1842 not found                                              | User <n> not found",
            "Timeout after 5000ms (attempt 3 of 3)                            | Timeout after <n>ms (attempt <n> of <n>)",
            "Session 5f0c9a7e-2b1d-4c3e-8f6a-0d9e8c7b6a51 expired             | Session <uuid> expired",
            "Object 65a1f0c2e4b0a1b2c3d4e5f6 is locked at 0x7ffd5e8c          | Object <id> is locked at <id>",
            "Failed to fetch https://api.shop.example/orders/7?token=abc, retry | Failed to fetch <url>, retry",
            "No account for jane.doe+shop@mail.example                         | No account for <email>",
            "Cannot read properties of undefined (reading 'total')            | Cannot read properties of undefined (reading <str>)",
            "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON         | Unexpected token <str>, <str>... is not valid JSON",
            "Can't find variable: `gtag`                                      | Can't find variable: <str>"})
    void replacesVariablePartsWithPlaceholders(String message, String normalised) {
        assertThat(ErrorMessages.normalise(message)).isEqualTo(normalised);
    }

    @Test
    void leavesWordsVersionsAndIdentifiersWithDigitsAlone() {
        assertThat(ErrorMessages.normalise("utf8 decoder failed in facade for h264 on x64"))
                .isEqualTo("utf8 decoder failed in facade for h264 on x64");
    }

    @Test
    void collapsesWhitespace() {
        assertThat(ErrorMessages.normalise("  line one\n\tline   two  ")).isEqualTo("line one line two");
    }

    @Test
    void capsTheMessage() {
        assertThat(ErrorMessages.normalise("word ".repeat(1_000))).hasSize(ErrorMessages.MAX_LENGTH);
    }

    @Test
    void normalisesANullMessageToEmpty() {
        assertThat(ErrorMessages.normalise(null)).isEmpty();
    }
}
