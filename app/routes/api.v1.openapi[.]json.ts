// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the API, assembled from the operations each endpoint's route
// module declares next to its handlers and generated from their zod schemas.
import { z } from "zod";
import { env, publicUrl } from "~/platform/env.server";
import * as applicationInterviewOffersRoute from "~/routes/api.v1.applications.$applicationId.interview-offers";
import * as applicationInterviewsRoute from "~/routes/api.v1.applications.$applicationId.interviews";
import * as applicationDecisionRoute from "~/routes/api.v1.applications.$applicationId.decision";
import * as applicationMessagesRoute from "~/routes/api.v1.applications.$applicationId.messages";
import * as applicationSlaRoute from "~/routes/api.v1.applications.$applicationId.sla";
import * as applicationStageRoute from "~/routes/api.v1.applications.$applicationId.stage";
import * as applicationRoute from "~/routes/api.v1.applications.$applicationId";
import * as applicationsRoute from "~/routes/api.v1.applications";
import * as connectorRoute from "~/routes/api.v1.connectors.$connectorId";
import * as connectorRetryRoute from "~/routes/api.v1.connectors.$connectorId.deliveries.$deliveryId.retry";
import * as connectorsRoute from "~/routes/api.v1.connectors";
import * as customerBenchmarksImportRoute from "~/routes/api.v1.customer-benchmarks.import";
import * as importsRoute from "~/routes/api.v1.imports";
import * as interviewCancelRoute from "~/routes/api.v1.interviews.$interviewId.cancel";
import * as interviewFeedbackRoute from "~/routes/api.v1.interviews.$interviewId.feedback";
import * as interviewRoute from "~/routes/api.v1.interviews.$interviewId";
import * as inboundEmailRoute from "~/routes/api.v1.inbound.email";
import * as jobRoute from "~/routes/api.v1.jobs.$jobId";
import * as jobsRoute from "~/routes/api.v1.jobs";
import * as metricsRoute from "~/routes/api.v1.metrics";
import * as prometheusRoute from "~/routes/api.v1.prometheus";
import * as publicPromiseRoute from "~/routes/api.v1.public-promise";
import * as publicPromiseJsonRoute from "~/routes/api.public.promise";
import * as queueRoute from "~/routes/api.v1.queue";
import * as scheduleDueRoute from "~/routes/api.v1.schedules.$scheduleId.due";
import * as scheduleElapsedRoute from "~/routes/api.v1.schedules.$scheduleId.elapsed";
import * as scheduleRoute from "~/routes/api.v1.schedules.$scheduleId";
import * as schedulesRoute from "~/routes/api.v1.schedules";
import * as slaPolicyRoute from "~/routes/api.v1.sla-policies.$policyId";
import * as slaPoliciesRoute from "~/routes/api.v1.sla-policies";
import * as templatesLintRoute from "~/routes/api.v1.templates.lint";
import * as webhookDeliveriesRoute from "~/routes/api.v1.webhooks.$webhookId.deliveries";
import * as webhookRedeliverRoute from "~/routes/api.v1.webhooks.$webhookId.deliveries.$deliveryId.redeliver";
import * as webhookTestRoute from "~/routes/api.v1.webhooks.$webhookId.[test]";
import * as webhookRoute from "~/routes/api.v1.webhooks.$webhookId";
import * as webhooksRoute from "~/routes/api.v1.webhooks";
import * as healthRoute from "~/routes/healthz";
import * as readinessRoute from "~/routes/readyz";
import { apiJson, publicApiRoute } from "~/web/api.server";
import { buildOpenApiDocument, type ApiOperation, type DocumentedRoute } from "~/web/openapi.server";

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This API description",
    tag: "System",
    authenticated: false,
    success: { status: 200, description: "An OpenAPI 3.1 document.", schema: z.looseObject({}) },
    errors: [],
  },
];

// In the order the document lists them: clients and people reading the document see related endpoints together.
const DOCUMENTED_ROUTES: DocumentedRoute[] = [
  healthRoute,
  readinessRoute,
  { openapi },
  prometheusRoute,
  jobsRoute,
  jobRoute,
  applicationsRoute,
  applicationRoute,
  applicationStageRoute,
  applicationDecisionRoute,
  applicationMessagesRoute,
  applicationInterviewsRoute,
  applicationInterviewOffersRoute,
  interviewRoute,
  interviewCancelRoute,
  interviewFeedbackRoute,
  schedulesRoute,
  scheduleRoute,
  scheduleDueRoute,
  scheduleElapsedRoute,
  slaPoliciesRoute,
  slaPolicyRoute,
  templatesLintRoute,
  inboundEmailRoute,
  importsRoute,
  connectorsRoute,
  connectorRoute,
  connectorRetryRoute,
  webhooksRoute,
  webhookRoute,
  webhookTestRoute,
  webhookDeliveriesRoute,
  webhookRedeliverRoute,
  applicationSlaRoute,
  queueRoute,
  metricsRoute,
  customerBenchmarksImportRoute,
  publicPromiseRoute,
  publicPromiseJsonRoute,
];

const handle = publicApiRoute({
  async GET({ request }) {
    // Behind a proxy PUBLIC_URL names the address people use; otherwise the address this request came to.
    const serverUrl = env.PUBLIC_URL ? publicUrl() : new URL(request.url).origin;
    return apiJson(buildOpenApiDocument(serverUrl, DOCUMENTED_ROUTES), {
      headers: { "Cache-Control": "public, max-age=300" },
    });
  },
});

export const loader = handle;
export const action = handle;
