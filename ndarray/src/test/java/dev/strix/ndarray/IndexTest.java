package dev.strix.ndarray;

import static dev.strix.ndarray.TestSupport.assertShape;
import static dev.strix.ndarray.TestSupport.assertValues;
import static dev.strix.ndarray.TestSupport.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The typed index items of {@link Index}, each against its NumPy text form. */
class IndexTest {
    private final NdArray a = seq(5, 4);

    @Test
    void factoriesMatchTheirTextForms() {
        assertEquals(a.get("2"), a.get(Index.at(2)));
        assertEquals(a.get(":"), a.get(Index.all()));
        assertEquals(a.get("1:3"), a.get(Index.range(1, 3)));
        assertEquals(a.get("4:0:-2"), a.get(Index.range(4, 0, -2)));
        assertEquals(a.get("2:"), a.get(Index.from(2)));
        assertEquals(a.get(":-1"), a.get(Index.upTo(-1)));
        assertEquals(a.get("::-1"), a.get(Index.step(-1)));
        assertEquals(a.get("::-2, 1:"), a.get(Index.slice(null, null, -2), Index.slice(1, null, 1)));
        assertEquals(a.get(":3:2"), a.get(Index.slice(null, 3, 2)));
        assertEquals(a.get("newaxis"), a.get(Index.newAxis()));
        assertEquals(a.get("..., 1"), a.get(Index.ellipsis(), Index.at(1)));
        assertEquals(a.get("[4, 0]"), a.get(Index.of(4, 0)));
        assertEquals(a.get("[True, False, True, False, False]"),
                a.get(Index.array(Nd.ofBools(true, false, true, false, false))));
        assertEquals(a.get("[1, 2]"), a.get(Index.array(Nd.ofInts(1, 2))));
    }

    @Test
    void basicItemsGiveViewsAndArrayItemsCopies() {
        assertSame(a.buffer(), a.get(Index.range(1, 3), Index.step(2)).buffer());
        assertSame(a.buffer(), a.get(Index.newAxis(), Index.ellipsis(), Index.at(0)).buffer());
        NdArray f = a.get(Index.of(1));
        assertShape(f, 1, 4);
        f.fill(-1);
        assertValues(a.row(1), 4, 5, 6, 7);
    }

    @Test
    void emptyAndRepeatedPositions() {
        assertShape(a.get(Index.of()), 0, 4);
        assertShape(a.get("[]"), 0, 4);
        assertValues(a.get(Index.all(), Index.of(0, 0, 3)).row(0), 0, 0, 3);
    }

    @Test
    void itemsPrintLikeNumPy() {
        assertEquals("2", Index.at(2).toString());
        assertEquals(":", Index.all().toString());
        assertEquals("1:3", Index.range(1, 3).toString());
        assertEquals("1:3:-1", Index.range(1, 3, -1).toString());
        assertEquals("::2", Index.step(2).toString());
        assertEquals("-2:", Index.from(-2).toString());
        assertEquals(":4", Index.upTo(4).toString());
        assertEquals("newaxis", Index.newAxis().toString());
        assertEquals("...", Index.ellipsis().toString());
        assertEquals("[int array (2,)]", Index.of(1, 2).toString());
        assertEquals("[bool mask (2, 2)]", Index.array(Nd.ofBools(true, false, true, true).reshape(2, 2)).toString());
    }
}
