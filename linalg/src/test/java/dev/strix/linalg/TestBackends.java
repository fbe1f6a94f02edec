package dev.strix.linalg;

import dev.strix.linalg.spi.LinalgBackend;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.util.concurrent.atomic.AtomicInteger;

/** Two providers registered in the test resources' META-INF/services, used by BackendSelectionTest. */
final class TestBackends {
    private TestBackends() {
    }

    /** Answers slogdet with a recognisable (wrong) value and declines inv, counting the calls. */
    public static final class Counting implements LinalgBackend {
        static final AtomicInteger INV_CALLS = new AtomicInteger();

        @Override
        public String name() {
            return "test-counting";
        }

        @Override
        public String initialise() {
            return "a test provider";
        }

        @Override
        public SlogDet slogdet(NdArray a) {
            return new SlogDet(Nd.scalar(-1.0), Nd.scalar(42.0));
        }

        @Override
        public NdArray inv(NdArray a) {
            INV_CALLS.incrementAndGet();
            return null;
        }
    }

    /** Fails to initialise, as a backend whose native libraries do not load. */
    public static final class Broken implements LinalgBackend {
        @Override
        public String name() {
            return "test-broken";
        }

        @Override
        public String initialise() {
            throw new UnsatisfiedLinkError("no libfake in java.library.path");
        }
    }
}
