package io.github.healthgrpc.source;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.healthgrpc.check.HealthCheck;
import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckSource;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Finds every {@link HealthCheck @HealthCheck} method on the application's beans, the way
 * Spring finds {@code @EventListener} methods: on the target class behind any proxy,
 * invoking through the proxy, remembering classes that have none.
 *
 * @since 0.1.0
 */
public final class AnnotatedCheckSource implements CheckSource {

	private final ConfigurableListableBeanFactory beanFactory;

	private final Set<Class<?>> classesWithoutChecks = ConcurrentHashMap.newKeySet();

	/**
	 * Create a source over the given bean factory.
	 * @param beanFactory the application's bean factory
	 */
	public AnnotatedCheckSource(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public List<CheckDefinition> checks() {
		List<CheckDefinition> checks = new ArrayList<>();
		for (String beanName : this.beanFactory.getBeanNamesForType(Object.class, false, false)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = AutoProxyUtils.determineTargetClass(this.beanFactory, beanName);
			if (type != null) {
				findChecks(beanName, type, checks);
			}
		}
		return checks;
	}

	private void findChecks(String beanName, Class<?> targetType, List<CheckDefinition> checks) {
		if (this.classesWithoutChecks.contains(targetType)) {
			return;
		}
		if (!AnnotationUtils.isCandidateClass(targetType, HealthCheck.class)
				|| !CheckMethodTypes.anyDeclaresOne(targetType)) {
			this.classesWithoutChecks.add(targetType);
			return;
		}
		Map<Method, HealthCheck> annotated = MethodIntrospector.selectMethods(targetType,
				(MethodIntrospector.MetadataLookup<@Nullable HealthCheck>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, HealthCheck.class));
		if (annotated.isEmpty()) {
			this.classesWithoutChecks.add(targetType);
			return;
		}
		Class<?> beanType = this.beanFactory.getType(beanName);
		annotated.forEach((method, annotation) -> {
			Method invocable = AopUtils.selectInvocableMethod(method, (beanType != null) ? beanType : targetType);
			HealthCheckMethod checkMethod = new HealthCheckMethod(annotation.value(), beanName, invocable,
					() -> this.beanFactory.getBean(beanName));
			checks.add(new CheckDefinition.Polled(checkMethod.name(), checkMethod::invoke));
		});
	}

}
