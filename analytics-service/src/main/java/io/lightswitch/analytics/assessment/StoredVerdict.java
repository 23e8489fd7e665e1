package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.verdict.Verdict;

/** A row of table {@code verdict} read back: the verdict as the detection core knows it, and its previous status. */
record StoredVerdict(Verdict verdict, String previousStatus) {

    VerdictKey key() {
        return new VerdictKey(verdict.subject(), verdict.metric().key());
    }
}
