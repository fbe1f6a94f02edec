package dev.strix.plotting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n");
        m.put("n", Arrays.asList(1.0, 2.5, Double.NaN, 3L, null, true));
        assertEquals("{\"s\":\"a\\\"b\\\\c\\n\",\"n\":[1,2.5,null,3,null,true]}", Json.write(m));
    }
}
