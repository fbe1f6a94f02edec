/**
 * The service-provider interface for alternative linear-algebra kernels (LAPACK/BLAS through
 * ND4J, ...): {@link dev.strix.linalg.spi.LinalgBackend}. See docs/linalg.md, "The ND4J backend".
 */
package dev.strix.linalg.spi;
