package io.github.healthgrpc.source;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import io.github.healthgrpc.check.HealthCheck;
import io.github.healthgrpc.engine.CheckDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AnnotatedCheckSourceTests {

	@Test
	void findsEveryAnnotatedMethodAndConvertsWhatItReturns() throws Exception {
		Map<String, CheckDefinition.Polled> checks = checksOf(Checks.class);
		assertThat(checks).containsOnlyKeys("bool", "health", "status", "stage");
		assertThat(evaluate(checks.get("bool"))).isEqualTo(Status.DOWN);
		assertThat(evaluate(checks.get("health"))).isEqualTo(Status.UP);
		assertThat(evaluate(checks.get("status"))).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(evaluate(checks.get("stage"))).isEqualTo(Status.UP);
	}

	@Test
	void aStageThatYieldsAnUnexpectedTypeOrNullIsDown() throws Exception {
		Map<String, CheckDefinition.Polled> checks = checksOf(Unexpected.class);
		assertThat(evaluate(checks.get("number"))).isEqualTo(Status.DOWN);
		assertThat(evaluate(checks.get("nothing"))).isEqualTo(Status.DOWN);
	}

	@Test
	void aMethodThatThrowsPassesTheExceptionToTheEngine() {
		CheckDefinition.Polled check = checksOf(Throwing.class).get("throws");
		assertThatIllegalStateException().isThrownBy(() -> check.function().evaluate()).withMessage("no pricing");
	}

	@Test
	void aMethodWithParametersIsRejectedNamingTheBeanAndMethod() {
		assertThatIllegalStateException().isThrownBy(() -> checksOf(WithParameter.class))
			.withMessageContaining("@HealthCheck method 'check' of bean 'bean'")
			.withMessageContaining("must take no parameters");
	}

	@Test
	void aMethodWithAnUnsupportedReturnTypeIsRejected() {
		assertThatIllegalStateException().isThrownBy(() -> checksOf(ReturnsString.class))
			.withMessageContaining("return boolean, Health, Status or a CompletionStage");
	}

	@Test
	void anEmptyNameIsRejected() {
		assertThatIllegalStateException().isThrownBy(() -> checksOf(EmptyName.class))
			.withMessageContaining("has an empty name");
	}

	private static Status evaluate(CheckDefinition.Polled check) throws Exception {
		return check.function().evaluate().toCompletableFuture().get().getStatus();
	}

	private static Map<String, CheckDefinition.Polled> checksOf(Class<?> beanClass) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean("bean", beanClass);
			context.refresh();
			List<CheckDefinition> checks = new AnnotatedCheckSource(context.getBeanFactory()).checks();
			return checks.stream()
				.map(CheckDefinition.Polled.class::cast)
				.collect(Collectors.toMap(CheckDefinition::name, (check) -> check));
		}
	}

	static class Checks {

		@HealthCheck("bool")
		boolean bool() {
			return false;
		}

		@HealthCheck("health")
		Health health() {
			return Health.up().build();
		}

		@HealthCheck("status")
		public Status status() {
			return Status.OUT_OF_SERVICE;
		}

		@HealthCheck("stage")
		CompletionStage<Boolean> stage() {
			return CompletableFuture.completedFuture(true);
		}

		Health notACheck() {
			return Health.down().build();
		}

	}

	static class Unexpected {

		@HealthCheck("number")
		CompletionStage<Object> number() {
			return CompletableFuture.completedFuture(42);
		}

		@HealthCheck("nothing")
		Health nothing() {
			return null;
		}

	}

	static class Throwing {

		@HealthCheck("throws")
		boolean check() {
			throw new IllegalStateException("no pricing");
		}

	}

	static class WithParameter {

		@HealthCheck("param")
		boolean check(String argument) {
			return true;
		}

	}

	static class ReturnsString {

		@HealthCheck("string")
		String check() {
			return "UP";
		}

	}

	static class EmptyName {

		@HealthCheck("")
		boolean check() {
			return true;
		}

	}

}
