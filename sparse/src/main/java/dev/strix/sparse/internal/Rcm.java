package dev.strix.sparse.internal;

import java.util.Arrays;

/**
 * Reverse Cuthill-McKee ordering of a symmetric pattern (CSR adjacency, diagonal ignored): a
 * breadth-first search from a pseudo-peripheral node of each component, neighbours visited by
 * increasing degree, then reversed. It narrows the profile (envelope) of the matrix, which bounds
 * the fill of Cholesky and LU; EJML 0.46 offers no fill-reducing ordering of its own (only NONE,
 * RANDOM and IDENTITY).
 */
public final class Rcm {
    private Rcm() {
    }

    /** perm[newIndex] = oldIndex. */
    public static int[] order(int n, int[] ip, int[] ix) {
        int[] deg = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = ip[i]; k < ip[i + 1]; k++) {
                if (ix[k] != i) {
                    deg[i]++;
                }
            }
        }
        boolean[] seen = new boolean[n];
        int[] perm = new int[n];
        int[] level = new int[n];
        int[] tmp = new int[n];
        int head = 0;
        for (int s0 = 0; s0 < n; s0++) {
            if (seen[s0]) {
                continue;
            }
            int start = peripheral(s0, n, ip, ix, deg, level, tmp);
            int qh = head, qt = head;
            perm[qt++] = start;
            seen[start] = true;
            while (qh < qt) {
                int u = perm[qh++];
                int from = qt;
                for (int k = ip[u]; k < ip[u + 1]; k++) {
                    int v = ix[k];
                    if (!seen[v]) {
                        seen[v] = true;
                        perm[qt++] = v;
                    }
                }
                sortByDegree(perm, from, qt, deg);
            }
            head = qt;
        }
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    private static void sortByDegree(int[] a, int from, int to, int[] deg) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= from && deg[a[j]] > deg[v]) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /** A node of (nearly) maximal eccentricity in s0's component, by repeated BFS (George-Liu). */
    private static int peripheral(int s0, int n, int[] ip, int[] ix, int[] deg, int[] level, int[] queue) {
        int s = s0;
        int ecc = -1;
        for (int round = 0; round < 5; round++) {
            Arrays.fill(level, -1);
            int qh = 0, qt = 0;
            queue[qt++] = s;
            level[s] = 0;
            int last = s;
            while (qh < qt) {
                int u = queue[qh++];
                for (int k = ip[u]; k < ip[u + 1]; k++) {
                    int v = ix[k];
                    if (level[v] < 0) {
                        level[v] = level[u] + 1;
                        queue[qt++] = v;
                    }
                }
                last = u;
            }
            int depth = level[last];
            if (depth <= ecc) {
                break;
            }
            ecc = depth;
            int best = last;
            for (int t = 0; t < qt; t++) {
                int u = queue[t];
                if (level[u] == depth && deg[u] < deg[best]) {
                    best = u;
                }
            }
            s = best;
        }
        return s;
    }
}
