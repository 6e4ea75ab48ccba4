package io.parley.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void busyTimeIsEverythingButIdleAndIowait() {
        // user 100, nice 20, system 30, idle 5000, iowait 400, irq 1, softirq 2, steal 7, guest 50, guest_nice 0
        assertThat(MachineCpu.busySeconds("cpu  100 20 30 5000 400 1 2 7 50 0")).isEqualTo(1.6);
    }

    @Test
    void aLineOfOneCoreOrTooFewFieldsIsRefused() {
        assertThatThrownBy(() -> MachineCpu.busySeconds("cpu0 100 20 30 5000 400 1 2 7 0 0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MachineCpu.busySeconds("cpu 100 20 30"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMachineHasBeenBusySinceBoot() {
        double first = MachineCpu.busySeconds();
        assertThat(first).isPositive();
        assertThat(MachineCpu.busySeconds()).isGreaterThanOrEqualTo(first);
    }
}
