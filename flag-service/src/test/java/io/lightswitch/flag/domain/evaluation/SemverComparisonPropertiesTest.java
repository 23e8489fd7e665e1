package io.lightswitch.flag.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.semver4j.Semver;

/** The allocation-free reading of plain versions must order exactly like semver4j. */
class SemverComparisonPropertiesTest {

    @Property(seed = "20240501")
    void plainVersionsCompareLikeTheLibrary(@ForAll("plainVersions") String attribute,
                                            @ForAll("configuredVersions") String configured) {
        long packed = Versions.packPlain(attribute);
        Semver bound = Versions.parseLenient(configured);

        assertThat(packed).isNotEqualTo(Versions.NOT_PLAIN);
        assertThat(Integer.signum(Versions.compare(packed, bound)))
                .isEqualTo(Integer.signum(Versions.parseLenient(attribute).compareTo(bound)));
    }

    @Property(seed = "20240501")
    void textThatIsNotPlainIsLeftToTheLibrary(@ForAll("notPlainVersions") String attribute) {
        assertThat(Versions.packPlain(attribute)).isEqualTo(Versions.NOT_PLAIN);
    }

    @Provide
    Arbitrary<String> plainVersions() {
        Arbitrary<Integer> part = Arbitraries.oneOf(Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 999_999));
        Arbitrary<String> prefix = Arbitraries.of("", "v", "V");
        return Combinators.combine(prefix, part, part, part, Arbitraries.integers().between(1, 3))
                .as((p, major, minor, patch, parts) -> p + switch (parts) {
                    case 1 -> major.toString();
                    case 2 -> major + "." + minor;
                    default -> major + "." + minor + "." + patch;
                });
    }

    @Provide
    Arbitrary<String> configuredVersions() {
        Arbitrary<Integer> part = Arbitraries.integers().between(0, 12);
        Arbitrary<String> suffix = Arbitraries.of("", "", "-alpha", "-beta.2", "-rc.1", "+build.5", "-rc.1+build.5");
        return Combinators.combine(part, part, part, suffix).as((major, minor, patch, s) -> major + "." + minor + "." + patch + s);
    }

    @Provide
    Arbitrary<String> notPlainVersions() {
        return Arbitraries.of("", "v", "1.", "1..2", "01.2.3", "1.02.3", "1.2.3.4", "1.2.3-beta", "1.2.3+b", " 1.2.3",
                "1.2.3 ", "1234567.0.0", "x1.2.3", "1.2beta", "-1.2.3");
    }
}
