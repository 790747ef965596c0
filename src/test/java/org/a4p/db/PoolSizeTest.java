package org.a4p.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A4P_DB_POOL_SIZE: unset is 4, a number from 1 to 500 is taken, anything else refused with what was expected. */
class PoolSizeTest {
    @Test
    void theSettingSizesThePoolWithinBounds() {
        assertThat(Database.poolSize(null)).isEqualTo(4);
        assertThat(Database.poolSize(" ")).isEqualTo(4);
        assertThat(Database.poolSize("16")).isEqualTo(16);
        assertThat(Database.poolSize(" 500 ")).isEqualTo(500);
        for (String bad : new String[] {"0", "501", "ten", "-3"}) {
            assertThatThrownBy(() -> Database.poolSize(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A4P_DB_POOL_SIZE: expected a whole number of connections from 1 to 500, got '" + bad + "'");
        }
    }
}
