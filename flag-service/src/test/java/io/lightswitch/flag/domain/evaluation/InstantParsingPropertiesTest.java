package io.lightswitch.flag.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written reading of common date and instant forms must agree with the JDK's parsers. */
class InstantParsingPropertiesTest {

    @Property(seed = "20240501")
    void readsInstantsLikeInstantParse(@ForAll("instantLikeText") String text) {
        assertThat(Instants.parse(text)).isEqualTo(jdkInstant(text));
    }

    @Property(seed = "20240501")
    void readsDatesAsTheirStartInUtc(@ForAll("dateLikeText") String text) {
        assertThat(Instants.parse(text)).isEqualTo(jdkDate(text));
    }

    /** Mostly well-formed, with out-of-range fields, odd fraction lengths, offsets and lowercase letters mixed in. */
    @Provide
    Arbitrary<String> instantLikeText() {
        Arbitrary<String> fraction = Arbitraries.of("", ".", ".5", ".123", ".123456", ".123456789", ".1234567890");
        Arbitrary<String> zone = Arbitraries.of("Z", "Z", "Z", "z", "+02:00", "-05:30", "");
        Arbitrary<String> separator = Arbitraries.of("T", "T", "T", "t", " ");
        return Combinators.combine(dateLikeText(), separator, twoDigits(0, 25), twoDigits(0, 61), twoDigits(0, 61),
                fraction, zone).as((date, t, hour, minute, second, f, z) -> date + t + hour + ":" + minute + ":"
                        + second + f + z);
    }

    @Provide
    Arbitrary<String> dateLikeText() {
        return Combinators.combine(Arbitraries.integers().between(1, 9999), twoDigits(0, 13), twoDigits(0, 32))
                .as((year, month, day) -> String.format("%04d-%s-%s", year, month, day));
    }

    private static Arbitrary<String> twoDigits(int min, int max) {
        return Arbitraries.integers().between(min, max).map(number -> String.format("%02d", number));
    }

    private static Instant jdkInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant jdkDate(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
