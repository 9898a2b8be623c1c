package io.github.healthgrpc.source;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.healthgrpc.check.HealthCheck;
import io.github.healthgrpc.engine.CheckDefinition;
import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.samples.healthgrpc.PetClinicChecks;

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
	void findsACheckThatTheBeanClassInheritsFromASuperclass() throws Exception {
		// Each of these bean classes declares no check itself: its one check is found
		// only through a type it inherits methods from.
		assertOnlyCheck(FromSuperclass.class, "inherited", Status.UP);
	}

	@Test
	void findsACheckDeclaredOnAnInterfaceTheBeanClassImplements() throws Exception {
		assertOnlyCheck(FromInterface.class, "declared", Status.DOWN);
	}

	@Test
	void findsACheckDeclaredOnTheSuperInterfaceOfAnInterfaceTheBeanClassImplements() throws Exception {
		assertOnlyCheck(FromSuperInterface.class, "declared", Status.DOWN);
	}

	@Test
	void findsTheChecksOfAComponentOfAnApplicationWhosePackageIsUnderSpringsOwn() throws Exception {
		// Spring's own classes are not looked into, as in Spring's @EventListener scan,
		// but an application's component in such a package (PetClinic's) is.
		assertOnlyCheck(PetClinicChecks.OwnerComponent.class, "owners", Status.UP);
	}

	@Test
	void findsTheChecksOfABeanBehindAnInterfaceProxyAndInvokesThemThroughIt() throws Exception {
		Map<String, CheckDefinition.Polled> checks = checksOf(DeclaredCheck.class, () -> {
			ProxyFactory proxy = new ProxyFactory(new FromInterface());
			proxy.addInterface(DeclaredCheck.class);
			proxy.addAdvice((MethodInterceptor) (invocation) -> true);
			return (DeclaredCheck) proxy.getProxy();
		});
		assertThat(checks).containsOnlyKeys("declared");
		// Through the proxy: its advice makes the check UP where the target says DOWN.
		assertThat(evaluate(checks.get("declared"))).isEqualTo(Status.UP);
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

	private static void assertOnlyCheck(Class<?> beanClass, String name, Status status) throws Exception {
		Map<String, CheckDefinition.Polled> checks = checksOf(beanClass);
		assertThat(checks).containsOnlyKeys(name);
		assertThat(evaluate(checks.get(name))).isEqualTo(status);
	}

	private static Status evaluate(CheckDefinition.Polled check) throws Exception {
		return check.function().evaluate().toCompletableFuture().get().getStatus();
	}

	private static Map<String, CheckDefinition.Polled> checksOf(Class<?> beanClass) {
		return checksOf(beanClass, null);
	}

	private static <T> Map<String, CheckDefinition.Polled> checksOf(Class<T> beanClass, @Nullable Supplier<T> bean) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean("bean", beanClass, bean);
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

	static class BaseChecks {

		@HealthCheck("inherited")
		boolean inherited() {
			return true;
		}

	}

	static class FromSuperclass extends BaseChecks {

	}

	interface DeclaredCheck {

		@HealthCheck("declared")
		boolean declared();

	}

	interface ExtendsDeclaredCheck extends DeclaredCheck {

	}

	static class FromInterface implements DeclaredCheck {

		@Override
		public boolean declared() {
			return false;
		}

	}

	static class FromSuperInterface implements ExtendsDeclaredCheck {

		@Override
		public boolean declared() {
			return false;
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
