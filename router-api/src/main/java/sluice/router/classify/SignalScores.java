package sluice.router.classify;

import java.util.Arrays;
import java.util.List;

/** Per-class sums of matched keyword weights, with the first few keywords kept for the reason. */
final class SignalScores {

    private static final int LABELS_KEPT = 3;
    private static final int CLASSES = TaskClass.values().length;

    private final int[] scores = new int[CLASSES];
    private final String[][] labels = new String[CLASSES][LABELS_KEPT];
    private final int[] labelCounts = new int[CLASSES];

    void add(SignalLexicon.Entry entry, int multiplier) {
        int taskClass = entry.taskClass().ordinal();
        scores[taskClass] += entry.weight() * multiplier;
        int count = labelCounts[taskClass];
        if (count < LABELS_KEPT && !Arrays.asList(labels[taskClass]).contains(entry.label())) {
            labels[taskClass][count] = entry.label();
            labelCounts[taskClass] = count + 1;
        }
    }

    int score(TaskClass taskClass) {
        return scores[taskClass.ordinal()];
    }

    List<String> labels(TaskClass taskClass) {
        return Arrays.asList(labels[taskClass.ordinal()]).subList(0, labelCounts[taskClass.ordinal()]);
    }

    /** The highest-scoring class reaching {@code threshold}; ties go to the earlier class in {@code priority}. */
    TaskClass strongest(TaskClass[] priority, int threshold) {
        TaskClass best = null;
        int bestScore = threshold - 1;
        for (TaskClass candidate : priority) {
            if (scores[candidate.ordinal()] > bestScore) {
                best = candidate;
                bestScore = scores[candidate.ordinal()];
            }
        }
        return best;
    }
}
