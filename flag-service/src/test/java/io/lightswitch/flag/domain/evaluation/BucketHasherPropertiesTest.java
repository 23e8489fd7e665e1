package io.lightswitch.flag.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.codec.digest.MurmurHash3;

class BucketHasherPropertiesTest {

    @Property(seed = "20240501")
    void everyBucketIsInRange(@ForAll String flagKey, @ForAll String salt, @ForAll String targetingKey) {
        assertThat(BucketHasher.bucket(flagKey, salt, targetingKey)).isBetween(0, BucketHasher.BUCKETS - 1);
    }

    @Property(seed = "20240501")
    void bucketEqualsTheSpecifiedHashOfTheConcatenatedString(@ForAll("awkwardText") String flagKey,
                                                            @ForAll("awkwardText") String salt,
                                                            @ForAll("awkwardText") String targetingKey) {
        byte[] input = (flagKey + "." + salt + "." + targetingKey).getBytes(StandardCharsets.UTF_8);
        int expected = BucketHasher.toBucket(MurmurHash3.hash32x86(input, 0, input.length, 0));

        assertThat(BucketHasher.bucket(flagKey, salt, targetingKey)).isEqualTo(expected);
    }

    @Property(seed = "20240501")
    void encodesExactlyLikeTheJdkUtf8Encoder(@ForAll("awkwardText") String text) {
        byte[] buffer = new byte[Utf8.maxEncodedLength(text)];

        int length = Utf8.encode(text, buffer, 0);

        assertThat(Arrays.copyOf(buffer, length)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Mixes one- to four-byte characters with unpaired surrogates, which encode as '?'. */
    @Provide
    Arbitrary<String> awkwardText() {
        return Arbitraries.strings()
                .withChars('a', 'Z', '.', '0', 'é', 'ß', '中', 'ユ', '\uD83D', '\uDE00', '\uDBFF', '\uDFFF', '\u07FF', '\u0800', '\uFFFF')
                .ofMaxLength(40);
    }
}
