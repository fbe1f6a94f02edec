package dev.strix.sparse.internal;

import java.util.Arrays;

/**
 * Minimum degree ordering of a symmetric pattern (CSR adjacency, diagonal ignored): repeatedly
 * eliminate a node of least degree in the elimination graph (ties: the lowest index, so the
 * order is deterministic), joining its neighbours into a clique, which is exactly the fill that
 * eliminating it creates. Unlike reverse Cuthill-McKee, which narrows the profile, this attacks
 * the fill itself: on 2-D meshes the factor has several times fewer entries.
 *
 * <p>This is the plain algorithm on the explicit elimination graph (sorted int arrays, a lazy
 * binary heap of (degree, node)), without AMD's quotient graph, approximate degrees or
 * supervariables, so its time and memory grow with the fill of the factor: fine up to about
 * 10^5 unknowns on 2-D meshes, slow beyond (use RCM there).
 */
public final class MinimumDegree {
    private MinimumDegree() {
    }

    /** perm[newIndex] = oldIndex. The pattern must be symmetric (callers pass A + A^T or A^T A). */
    public static int[] order(int n, int[] ip, int[] ix) {
        int[][] adj = new int[n][];
        int[] len = new int[n];
        for (int i = 0; i < n; i++) {
            int[] a = new int[ip[i + 1] - ip[i]];
            int c = 0;
            for (int k = ip[i]; k < ip[i + 1]; k++) {
                if (ix[k] != i) {
                    a[c++] = ix[k];
                }
            }
            Arrays.sort(a, 0, c);
            adj[i] = a;
            len[i] = c;
        }
        boolean[] done = new boolean[n];
        Heap heap = new Heap(2 * n);
        for (int i = 0; i < n; i++) {
            heap.push(key(len[i], i));
        }
        int[] perm = new int[n];
        int[] buf = new int[16];
        for (int t = 0; t < n; t++) {
            int p;
            while (true) {
                long k = heap.pop();
                p = (int) k;
                if (!done[p] && (int) (k >>> 32) == len[p]) {
                    break;
                }
            }
            done[p] = true;
            perm[t] = p;
            int[] np = adj[p];
            int nl = len[p];
            adj[p] = null;
            // each neighbour u: adj(u) := adj(u) + adj(p) - {u, p}
            for (int q = 0; q < nl; q++) {
                int u = np[q];
                int[] au = adj[u];
                int al = len[u];
                if (buf.length < al + nl) {
                    buf = new int[Math.max(al + nl, 2 * buf.length)];
                }
                int a = 0, b = 0, w = 0;
                while (a < al || b < nl) {
                    int x = a < al ? au[a] : Integer.MAX_VALUE;
                    int y = b < nl ? np[b] : Integer.MAX_VALUE;
                    int v;
                    if (x == y) {
                        v = x;
                        a++;
                        b++;
                    } else if (x < y) {
                        v = x;
                        a++;
                    } else {
                        v = y;
                        b++;
                    }
                    if (v != u && v != p) {
                        buf[w++] = v;
                    }
                }
                if (au.length < w) {
                    au = new int[Math.max(w, au.length + (au.length >> 1))];
                    adj[u] = au;
                }
                System.arraycopy(buf, 0, au, 0, w);
                len[u] = w;
                heap.push(key(w, u));
            }
        }
        return perm;
    }

    private static long key(int degree, int node) {
        return ((long) degree << 32) | node;
    }

    /** A binary min-heap of longs; stale entries are skipped by the caller. */
    private static final class Heap {
        private long[] h;
        private int size;

        Heap(int capacity) {
            h = new long[Math.max(4, capacity)];
        }

        void push(long v) {
            if (size == h.length) {
                h = Arrays.copyOf(h, 2 * size);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (h[parent] <= v) {
                    break;
                }
                h[i] = h[parent];
                i = parent;
            }
            h[i] = v;
        }

        long pop() {
            long top = h[0];
            long last = h[--size];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && h[c + 1] < h[c]) {
                    c++;
                }
                if (h[c] >= last) {
                    break;
                }
                h[i] = h[c];
                i = c;
            }
            h[i] = last;
            return top;
        }
    }
}
