package io.lightswitch.flag.domain.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Deterministic bucketing of a targeting key for one flag, specified in docs/bucketing.md: the UTF-8 bytes
 * of {@code flagKey + "." + salt + "." + targetingKey} are hashed with MurmurHash3 x86 32-bit (seed 0), the
 * hash is read as unsigned and scaled to a bucket in [0, {@value #BUCKETS}).
 *
 * <p>An instance holds the encoded {@code flagKey.salt.} prefix, so bucketing a key only encodes the key
 * itself, into a per-thread buffer.
 */
public final class BucketHasher {

    /** Number of buckets; a split weight of 1% covers 1000 of them. */
    public static final int BUCKETS = 100_000;

    private static final int LARGEST_POOLED_BUFFER = 4096;
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[256]);

    private final byte[] prefix;

    private BucketHasher(byte[] prefix) {
        this.prefix = prefix;
    }

    public static BucketHasher forFlag(String flagKey, String salt) {
        String prefix = Objects.requireNonNull(flagKey, "flagKey") + "." + Objects.requireNonNull(salt, "salt") + ".";
        return new BucketHasher(prefix.getBytes(StandardCharsets.UTF_8));
    }

    public static int bucket(String flagKey, String salt, String targetingKey) {
        return forFlag(flagKey, salt).bucket(targetingKey);
    }

    public int bucket(String targetingKey) {
        int needed = prefix.length + Utf8.maxEncodedLength(targetingKey);
        byte[] buffer = BUFFER.get();
        if (buffer.length < needed) {
            buffer = new byte[needed];
            if (needed <= LARGEST_POOLED_BUFFER) {
                BUFFER.set(buffer);
            }
        }
        System.arraycopy(prefix, 0, buffer, 0, prefix.length);
        int length = Utf8.encode(targetingKey, buffer, prefix.length);
        return toBucket(MurmurHash3.hash32x86(buffer, 0, length, 0));
    }

    static int toBucket(int hash) {
        long unsigned = hash & 0xFFFF_FFFFL;
        return (int) ((unsigned * BUCKETS) >>> 32);
    }
}
