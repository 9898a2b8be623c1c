package io.github.healthgrpc.autoconfigure.upstream;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code grpc.health.upstreams} has an entry, so that an application without
 * upstream checks gets no thread and no bean for them.
 */
final class OnUpstreamsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> upstreams = Binder.get(context.getEnvironment())
			.bind("grpc.health.upstreams", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		boolean configured = !upstreams.isEmpty();
		return configured ? ConditionOutcome.match("grpc.health.upstreams has entries")
				: ConditionOutcome.noMatch("grpc.health.upstreams has no entry");
	}

}
