/** JMH benchmarks of Strix against plain Java loops, EJML and ND4J; see docs/BENCHMARKS.md. */
package dev.strix.bench;
