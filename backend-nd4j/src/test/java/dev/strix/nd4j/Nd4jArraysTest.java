package dev.strix.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** INDArray <-> NdArray: values, dtypes, layouts kept, and which layouts are materialised. */
class Nd4jArraysTest {

    /** [[0, 1, 2], [10, 11, 12]]: element (i, j) = 10 i + j, so any mix-up of the order shows. */
    static final double[] ROW_MAJOR = {0, 1, 2, 10, 11, 12};
    static final double[] COL_MAJOR = {0, 10, 1, 11, 2, 12};

    static void assertValues(NdArray a) {
        assertArrayEquals(new int[] {2, 3}, a.shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(10.0 * i + j, a.getDouble(i, j), "element (" + i + ", " + j + ")");
            }
        }
    }

    static void assertValues(INDArray x) {
        assertArrayEquals(new long[] {2, 3}, x.shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(10.0 * i + j, x.getDouble(i, j), "element (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void cOrderRoundTripsForEveryDtype() {
        NdArray d = NdArray.wrap(ROW_MAJOR.clone(), 2, 3);
        for (DType t : new DType[] {DType.FLOAT64, DType.FLOAT32, DType.INT64, DType.INT32}) {
            NdArray a = d.astype(t);
            INDArray x = Nd4jArrays.toINDArray(a);
            assertEquals('c', x.ordering());
            assertValues(x);
            NdArray back = Nd4jArrays.toNdArray(x);
            assertSame(t, back.dtype());
            assertEquals(a, back);
            assertTrue(back.isContiguous());
        }
        NdArray mask = NdArray.wrap(new boolean[] {true, false, true}, 1, 3);
        NdArray backMask = Nd4jArrays.toNdArray(Nd4jArrays.toINDArray(mask));
        assertEquals(mask, backMask);
    }

    @Test
    void fOrderIsKeptBothWays() {
        INDArray f = Nd4j.create(COL_MAJOR.clone(), new long[] {2, 3}, new long[] {1, 2}, 'f', DataType.DOUBLE);
        assertValues(f);
        NdArray a = Nd4jArrays.toNdArray(f);
        assertValues(a);
        assertFalse(a.isContiguous(), "column-major strides, not reordered");
        assertArrayEquals(new int[] {1, 2}, a.strides());
        assertArrayEquals(COL_MAJOR, (double[]) a.buffer(), 0.0);

        NdArray transposed = NdArray.wrap(COL_MAJOR.clone(), 3, 2).transpose();   // F-contiguous (2, 3)
        INDArray x = Nd4jArrays.toINDArray(transposed);
        assertEquals('f', x.ordering());
        assertValues(x);
    }

    @Test
    void viewsWithGapsAreMaterialisedFirst() {
        NdArray big = Nd.arange(40).astype(DType.FLOAT64).reshape(4, 10);   // element (i, j) = 10 i + j
        NdArray slice = big.get("1:3, 0:3").sub(10);                          // a fresh array, then a view of it:
        NdArray gappy = NdArray.wrap(big.toDoubleArray(), 4, 10).get(":2, :3");   // rows of 10, 3 used
        assertValues(slice);
        assertValues(Nd4jArrays.toINDArray(gappy));
        INDArray wide = Nd4j.create(big.toDoubleArray(), new long[] {4, 10}, DataType.DOUBLE);
        INDArray view = wide.get(NDArrayIndex.interval(0, 2), NDArrayIndex.interval(0, 3));
        NdArray a = Nd4jArrays.toNdArray(view);
        assertValues(a);
        assertEquals(6, ((double[]) a.buffer()).length, "only the view's elements are copied");
    }

    @Test
    void scalarsAndEmptyArrays() {
        NdArray s = Nd.scalar(2.5);
        INDArray x = Nd4jArrays.toINDArray(s);
        assertEquals(0, x.rank());
        assertEquals(2.5, x.getDouble(0));
        assertEquals(s, Nd4jArrays.toNdArray(x));
        NdArray e = Nd.zeros(0, 3);
        assertArrayEquals(new int[] {0, 3}, Nd4jArrays.toNdArray(Nd4jArrays.toINDArray(e)).shape());
    }

    @Test
    void typesWithoutACounterpartAreRejectedByName() {
        INDArray half = Nd4j.create(DataType.HALF, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nd4jArrays.toNdArray(half));
        assertTrue(e.getMessage().contains("HALF") && e.getMessage().contains("castTo"), e.getMessage());
    }
}
