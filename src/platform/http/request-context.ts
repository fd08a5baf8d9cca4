import { AsyncLocalStorage } from 'node:async_hooks';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { requestIdOf } from '@platform/logging/request-id';

interface RequestContextValue {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContextValue>();

/** What is known about the current HTTP request, anywhere below the controller (e.g. the audit log). */
export const RequestContext = {
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  run<T>(value: RequestContextValue, work: () => T): T {
    return storage.run(value, work);
  },
};

/** Runs every handler inside the request's context; registered globally in app.factory. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const requestId = requestIdOf(context.switchToHttp().getRequest<FastifyRequest>());
    return new Observable((subscriber) =>
      storage.run({ requestId }, () => {
        const subscription = next.handle().subscribe(subscriber);
        return () => subscription.unsubscribe();
      }),
    );
  }
}
