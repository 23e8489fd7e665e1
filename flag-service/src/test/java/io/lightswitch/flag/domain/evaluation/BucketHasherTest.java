package io.lightswitch.flag.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BucketHasherTest {

    /** The vectors published in docs/bucketing.md, confirmed with an independent MurmurHash3 implementation. */
    record Vector(String flagKey, String salt, String targetingKey, long hash, int bucket) {
    }

    static Stream<Vector> documentedVectors() {
        return Stream.of(
                new Vector("new-checkout", "s3cr3t", "user-42", 2480405584L, 57751),
                new Vector("new-checkout", "s3cr3t", "user-43", 2410058829L, 56113),
                new Vector("new-checkout", "", "user-42", 3824473056L, 89045),
                new Vector("dark-mode", "a1b2c3", "alice@example.com", 3483832954L, 81114),
                new Vector("dark-mode", "a1b2c3", "Zoë", 1061626810L, 24717),
                new Vector("beta-banner", "salt", "ユーザー", 4128090518L, 96114),
                new Vector("beta-banner", "salt", "\uD83D\uDE00-emoji", 1536758039L, 35780),
                new Vector("pricing-page", "2024", "", 1694668857L, 39457),
                new Vector("x", "y", "a very long targeting key that spans more than one four byte block of input",
                        2427067438L, 56509));
    }

    @ParameterizedTest
    @MethodSource("documentedVectors")
    void hashesTheDottedUtf8StringWithMurmur3(Vector vector) {
        byte[] input = (vector.flagKey() + "." + vector.salt() + "." + vector.targetingKey())
                .getBytes(StandardCharsets.UTF_8);

        long hash = Integer.toUnsignedLong(MurmurHash3.hash32x86(input, 0, input.length, 0));

        assertThat(hash).isEqualTo(vector.hash());
        assertThat(vector.hash() * BucketHasher.BUCKETS >>> 32).isEqualTo(vector.bucket());
    }

    @ParameterizedTest
    @MethodSource("documentedVectors")
    void bucketsTheDocumentedVectors(Vector vector) {
        assertThat(BucketHasher.bucket(vector.flagKey(), vector.salt(), vector.targetingKey()))
                .isEqualTo(vector.bucket());
        assertThat(BucketHasher.forFlag(vector.flagKey(), vector.salt()).bucket(vector.targetingKey()))
                .isEqualTo(vector.bucket());
    }

    @Test
    void scalesTheUnsignedHashOntoTheBucketRange() {
        assertThat(BucketHasher.toBucket(0)).isZero();
        assertThat(BucketHasher.toBucket(Integer.MIN_VALUE)).isEqualTo(50_000);
        assertThat(BucketHasher.toBucket(-1)).isEqualTo(BucketHasher.BUCKETS - 1);
    }

    @ParameterizedTest
    @MethodSource("longKeyLengths")
    void bucketsLongKeysAndStillBucketsShortOnesAfterwards(int length) {
        String longKey = "k".repeat(length);
        byte[] input = ("flag.salt." + longKey).getBytes(StandardCharsets.UTF_8);
        int expected = BucketHasher.toBucket(MurmurHash3.hash32x86(input, 0, input.length, 0));

        assertThat(BucketHasher.bucket("flag", "salt", longKey)).isEqualTo(expected);
        assertThat(BucketHasher.bucket("new-checkout", "s3cr3t", "user-42")).isEqualTo(57751);
    }

    static Stream<Integer> longKeyLengths() {
        return Stream.of(1_000, 10_000);
    }
}
