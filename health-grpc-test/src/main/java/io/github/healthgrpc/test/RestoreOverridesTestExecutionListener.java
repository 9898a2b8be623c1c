package io.github.healthgrpc.test;

import io.github.healthgrpc.engine.CheckRunner;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Restores every check that a test method {@link CheckOverride overrode}, after the
 * method, so that the next test that shares the cached context sees the checks' own
 * results. Registered in {@code META-INF/spring.factories}; it never loads a context.
 *
 * @since 0.1.0
 */
public class RestoreOverridesTestExecutionListener implements TestExecutionListener, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			ApplicationContext context = testContext.getApplicationContext();
			context.getBeanProvider(CheckRunner.class).ifAvailable(HealthGrpcTester::restoreAll);
		}
	}

}
