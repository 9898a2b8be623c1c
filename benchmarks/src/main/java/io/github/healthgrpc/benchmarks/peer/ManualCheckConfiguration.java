package io.github.healthgrpc.benchmarks.peer;

import java.util.function.Consumer;

import io.github.healthgrpc.check.ManualHealthCheck;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code manual} check of the health-grpc peers, which the harness flips to time a
 * pushed change; absent (with health-grpc) from the peers without the starter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.github.healthgrpc.check.ManualHealthCheck")
// Left out where the harness measures the application's start alone.
@ConditionalOnBooleanProperty(name = "bench.harness-beans", matchIfMissing = true)
public class ManualCheckConfiguration {

	@Bean
	ManualHealthCheck benchManualCheck() {
		ManualHealthCheck check = new ManualHealthCheck("manual");
		check.up();
		return check;
	}

	@Bean
	Consumer<Boolean> benchManualSwitch(ManualHealthCheck benchManualCheck) {
		return (up) -> {
			if (up) {
				benchManualCheck.up();
			}
			else {
				benchManualCheck.down("switched by the benchmark");
			}
		};
	}

}
