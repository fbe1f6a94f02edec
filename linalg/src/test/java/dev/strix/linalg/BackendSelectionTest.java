package dev.strix.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.linalg.internal.Backends;
import dev.strix.linalg.spi.BackendUnavailableException;
import dev.strix.linalg.spi.LinalgBackend;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Selecting a backend by name, falling through to Strix for what it declines, and the errors for
 * an unknown or broken backend. Restores whatever backend the run selected (this class also runs
 * inside strix-backend-nd4j with the ND4J backend active).
 */
class BackendSelectionTest {
    private String before;

    @BeforeEach
    void remember() {
        before = Linalg.backendName();
    }

    @AfterEach
    void restore() {
        Linalg.useBackend(before);
    }

    @Test
    void aSelectedBackendServesWhatItImplementsAndStrixTheRest() {
        Linalg.useBackend("TEST-COUNTING");
        assertEquals("test-counting", Linalg.backendName());
        assertEquals(42.0, Linalg.slogdet(Nd.eye(3)).logAbsDet().item(), "slogdet answered by the backend");
        int calls = TestBackends.Counting.INV_CALLS.get();
        NdArray a = Nd.of(new double[][] {{4, 1}, {2, 3}});
        Golden.assertClose(Nd.of(new double[][] {{0.3, -0.1}, {-0.2, 0.4}}), Linalg.inv(a), 1e-15, 1e-16,
                "inv declined by the backend, computed by Strix");
        assertEquals(calls + 1, TestBackends.Counting.INV_CALLS.get());
        Linalg.useBackend("strix");
        assertEquals("strix", Linalg.backendName());
        assertEquals(Math.log(1.0), Linalg.slogdet(Nd.eye(3)).logAbsDet().item());
    }

    @Test
    void anUnknownNameIsAnErrorListingTheAvailableOnes() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> Linalg.useBackend("nosuch"));
        assertTrue(e.getMessage().contains("\"nosuch\"") && e.getMessage().contains("available: strix")
                && e.getMessage().contains("test-counting"), e.getMessage());
        assertEquals(before, Linalg.backendName(), "a failed selection keeps the previous backend");
        if (!before.equals("nd4j")) {   // run inside strix-backend-nd4j, "nd4j" is on the class path
            BackendUnavailableException n = assertThrows(BackendUnavailableException.class, () -> Linalg.useBackend("nd4j"));
            assertTrue(n.getMessage().contains("strix-backend-nd4j"), "says which artifact to add: " + n.getMessage());
        }
    }

    @Test
    void aBackendThatFailsToInitialiseNamesItselfAndTheCause() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> Linalg.useBackend("test-broken"));
        assertTrue(e.getMessage().contains("\"test-broken\"") && e.getMessage().contains("libfake"), e.getMessage());
        assertInstanceOf(UnsatisfiedLinkError.class, e.getCause());
        assertEquals(before, Linalg.backendName());
    }

    @Test
    void aBrokenBackendFromThePropertyFailsEveryCallItWouldServe() {
        String old = System.getProperty(Backends.PROPERTY);
        System.setProperty(Backends.PROPERTY, "test-broken");
        try {
            LinalgBackend b = Backends.fromSystemProperty();
            BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> b.inv(Nd.eye(2)));
            assertTrue(e.getMessage().contains("-Dstrix.linalg.backend=test-broken"), e.getMessage());
            assertInstanceOf(UnsatisfiedLinkError.class, e.getCause());
            assertEquals("unavailable", b.name());
        } finally {
            if (old == null) {
                System.clearProperty(Backends.PROPERTY);
            } else {
                System.setProperty(Backends.PROPERTY, old);
            }
        }
    }

    @Test
    void strixIsTheDefaultAndNeedsNoProvider() {
        String old = System.getProperty(Backends.PROPERTY);
        System.clearProperty(Backends.PROPERTY);
        try {
            assertEquals(null, Backends.fromSystemProperty());
        } finally {
            if (old != null) {
                System.setProperty(Backends.PROPERTY, old);
            }
        }
    }
}
