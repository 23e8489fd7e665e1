package io.lightswitch.flag.domain.evaluation;

import static io.lightswitch.flag.domain.evaluation.Flags.split;
import static io.lightswitch.flag.domain.evaluation.Flags.splitFlag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lightswitch.flag.domain.model.FlagConfig;
import io.lightswitch.flag.domain.model.FlagType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Statistical behaviour of splits over 100,000 distinct, sequentially numbered users. */
class BucketDistributionTest {

    private static final int USERS = 100_000;
    /** Half a percentage point of the population. */
    private static final int HALF_A_POINT = USERS / 200;

    @Test
    void tenPercentSplitServesTenPercentOfUsers() {
        boolean[] on = onFor(Flags.compile(splitFlag("new-checkout", "k3y", split("on", 10, "off", 90))));

        assertThat(count(on)).isCloseTo(USERS / 10, within(HALF_A_POINT));
    }

    @Test
    void growingRolloutKeepsEveryoneWhoWasOn() {
        boolean[] atTen = onFor(Flags.compile(splitFlag("new-checkout", "k3y", split("on", 10, "off", 90))));
        boolean[] atFifty = onFor(Flags.compile(splitFlag("new-checkout", "k3y", split("on", 50, "off", 50))));

        for (int user = 0; user < USERS; user++) {
            if (atTen[user]) {
                assertThat(atFifty[user]).as("user-%d was on at 10%%", user).isTrue();
            }
        }
        assertThat(count(atFifty)).isCloseTo(USERS / 2, within(HALF_A_POINT));
    }

    @Test
    void differentFlagKeysBucketIndependently() {
        boolean[] first = onFor(Flags.compile(splitFlag("search-v2", "k3y", split("on", 50, "off", 50))));
        boolean[] second = onFor(Flags.compile(splitFlag("dark-mode", "k3y", split("on", 50, "off", 50))));

        assertIndependent(first, second);
    }

    @Test
    void differentSaltsBucketIndependently() {
        boolean[] first = onFor(Flags.compile(splitFlag("search-v2", "first-salt", split("on", 50, "off", 50))));
        boolean[] second = onFor(Flags.compile(splitFlag("search-v2", "second-salt", split("on", 50, "off", 50))));

        assertIndependent(first, second);
    }

    @Test
    void threeWaySplitIsBalanced() {
        FlagConfig colours = new FlagConfig("button-colour", FlagType.STRING,
                Map.of("red", "#f00", "green", "#0f0", "blue", "#00f"), "k3y", 1L, true, "red", List.of(),
                split("red", 33.333, "green", 33.333, "blue", 33.334), Map.of());
        CompiledFlag flag = Flags.compile(colours);

        Map<String, Integer> usersByVariant = new HashMap<>();
        for (int user = 0; user < USERS; user++) {
            usersByVariant.merge(flag.evaluate(EvaluationContext.of("user-" + user)).variant(), 1, Integer::sum);
        }

        assertThat(usersByVariant).containsOnlyKeys("red", "green", "blue");
        usersByVariant.values().forEach(users -> assertThat(users).isCloseTo(USERS / 3, within(HALF_A_POINT)));
    }

    private static void assertIndependent(boolean[] first, boolean[] second) {
        int both = 0;
        for (int user = 0; user < USERS; user++) {
            if (first[user] && second[user]) {
                both++;
            }
        }
        assertThat(both).as("users on for both").isCloseTo(USERS / 4, within(USERS / 100));
        assertThat(correlation(first, second)).isCloseTo(0.0, within(0.02));
    }

    /** Pearson correlation of two on/off series. */
    private static double correlation(boolean[] first, boolean[] second) {
        double meanFirst = (double) count(first) / USERS;
        double meanSecond = (double) count(second) / USERS;
        double covariance = 0;
        for (int user = 0; user < USERS; user++) {
            covariance += ((first[user] ? 1 : 0) - meanFirst) * ((second[user] ? 1 : 0) - meanSecond);
        }
        covariance /= USERS;
        return covariance / Math.sqrt(meanFirst * (1 - meanFirst) * meanSecond * (1 - meanSecond));
    }

    private static boolean[] onFor(CompiledFlag flag) {
        boolean[] on = new boolean[USERS];
        for (int user = 0; user < USERS; user++) {
            EvaluationResult result = flag.evaluate(EvaluationContext.of("user-" + user));
            assertThat(result.reason()).isEqualTo(Reason.SPLIT);
            on[user] = "on".equals(result.variant());
        }
        return on;
    }

    private static int count(boolean[] on) {
        int count = 0;
        for (boolean value : on) {
            if (value) {
                count++;
            }
        }
        return count;
    }
}
