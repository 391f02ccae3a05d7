package sluice.router.classify;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A character trie over folded keywords (phrases keep their single spaces), built once. Walking it
 * from a word start costs at most the longest keyword's length and allocates nothing.
 */
final class KeywordTrie {

    /**
     * A frozen node: sorted child characters, binary-searched; nodes with many children (the root
     * above all, hit once per word) also get a table indexed by character.
     */
    static final class Node {
        private static final int DENSE_FROM_CHILDREN = 8;

        private final char[] keys;
        private final Node[] children;
        private final char denseBase;
        private final Node[] dense;
        final int wholeWordKeyword;
        final int stemKeyword;

        private Node(char[] keys, Node[] children, int wholeWordKeyword, int stemKeyword) {
            this.keys = keys;
            this.children = children;
            this.wholeWordKeyword = wholeWordKeyword;
            this.stemKeyword = stemKeyword;
            boolean wide = keys.length >= DENSE_FROM_CHILDREN;
            this.denseBase = wide ? keys[0] : 0;
            this.dense = wide ? new Node[keys[keys.length - 1] - keys[0] + 1] : null;
            for (int i = 0; wide && i < keys.length; i++) {
                dense[keys[i] - denseBase] = children[i];
            }
        }

        Node child(char c) {
            if (dense != null) {
                int at = c - denseBase;
                return at >= 0 && at < dense.length ? dense[at] : null;
            }
            int at = Arrays.binarySearch(keys, c);
            return at < 0 ? null : children[at];
        }
    }

    private final Node root;

    private KeywordTrie(Node root) {
        this.root = root;
    }

    Node root() {
        return root;
    }

    /**
     * Builds the trie; keyword index i is {@code entries.get(i)}. Entries with no text are skipped.
     *
     * @throws IllegalStateException when two entries fold to the same keyword
     */
    static KeywordTrie of(List<SignalLexicon.Entry> entries) {
        Builder root = new Builder();
        for (int i = 0; i < entries.size(); i++) {
            SignalLexicon.Entry entry = entries.get(i);
            if (entry.folded().isEmpty()) {
                continue;
            }
            Builder node = root;
            for (char c : entry.folded().toCharArray()) {
                node = node.children.computeIfAbsent(c, k -> new Builder());
            }
            int previous = entry.stem() ? node.stemKeyword : node.wholeWordKeyword;
            if (previous >= 0) {
                throw new IllegalStateException("keyword '" + entry.label() + "' is listed twice");
            }
            if (entry.stem()) {
                node.stemKeyword = i;
            } else {
                node.wholeWordKeyword = i;
            }
        }
        return new KeywordTrie(root.freeze());
    }

    /** A mutable node used only while building. */
    private static final class Builder {
        private final TreeMap<Character, Builder> children = new TreeMap<>();
        private int wholeWordKeyword = -1;
        private int stemKeyword = -1;

        Node freeze() {
            char[] keys = new char[children.size()];
            Node[] frozen = new Node[children.size()];
            int i = 0;
            for (var child : children.entrySet()) {
                keys[i] = child.getKey();
                frozen[i++] = child.getValue().freeze();
            }
            return new Node(keys, frozen, wholeWordKeyword, stemKeyword);
        }
    }
}
