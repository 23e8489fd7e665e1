package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.Subject;

/** Identity of a verdict within one flag of one environment: variant and slice (the subject), and metric. */
record VerdictKey(Subject subject, String metric) {
}
