package io.github.healthgrpc.source;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.github.healthgrpc.check.HealthCheck;

import org.springframework.boot.health.contributor.Health;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * One {@link HealthCheck @HealthCheck} method, checked for a usable signature when found
 * and invoked on each evaluation.
 */
final class HealthCheckMethod {

	private final String name;

	private final Method method;

	private final Supplier<Object> bean;

	HealthCheckMethod(String name, String beanName, Method method, Supplier<Object> bean) {
		String where = "@HealthCheck method '" + method.getName() + "' of bean '" + beanName + "'";
		if (!StringUtils.hasText(name)) {
			throw new IllegalStateException(where + " has an empty name: give it one, as in @HealthCheck(\"db\")");
		}
		if (method.getParameterCount() != 0 || !HealthResults.isSupported(method.getReturnType())) {
			throw new IllegalStateException(where + " must take no parameters and return boolean, Health, Status "
					+ "or a CompletionStage of one of them; it is " + method.toGenericString());
		}
		this.name = name;
		this.method = method;
		this.bean = bean;
		ReflectionUtils.makeAccessible(method);
	}

	String name() {
		return this.name;
	}

	CompletionStage<Health> invoke() throws Exception {
		try {
			return HealthResults.toStage(this.method.invoke(this.bean.get()));
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			throw (cause instanceof Exception exception) ? exception : ex;
		}
	}

}
