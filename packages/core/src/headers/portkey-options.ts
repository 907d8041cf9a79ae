import type { PortkeyConfig } from './portkey-config.js';

/**
 * Flat string key-value pairs attached to a request for Portkey's logs, analytics and
 * conditional routing. Every value is a string of at most 128 characters (UTF-16 code units, as
 * JavaScript counts them). The key `_user` names the end user in Portkey's dashboards.
 */
export type PortkeyMetadata = Record<string, string>;

/**
 * Portkey's per-request settings, each sent as one request header (`x-portkey-*`, or
 * `authorization`). Give them to the client for every call, or to one call to override the
 * client's for that call only.
 *
 * Every option may be left out, or set to `undefined` or `null`, to send no header; an empty or
 * blank string, `{}` and `[]` also send nothing. Values that cannot travel in an HTTP header (line
 * breaks, NUL and other control characters, characters beyond U+00FF) are refused with an
 * `InvalidOptionError` instead of failing inside `fetch`; JSON headers escape non-ASCII
 * characters as `\uXXXX`, so they carry any text.
 */
export interface PortkeyOptions {
  // Portkey

  /**
   * Your Portkey API key (`x-portkey-api-key`). On a server it usually comes from the
   * `PORTKEY_API_KEY` environment variable; never ship it to a browser. A self-hosted gateway
   * does not need one.
   */
  apiKey?: string | null;
  /**
   * The provider to call (`x-portkey-provider`): a gateway provider id such as `openai`,
   * `anthropic` or `azure-openai`, or on hosted Portkey the `@slug` of an integration, which
   * holds the provider credential.
   */
  provider?: string | null;
  /** A Portkey virtual key holding the provider credential (`x-portkey-virtual-key`; legacy). */
  virtualKey?: string | null;
  /**
   * The routing, retry, cache and guardrail settings (`x-portkey-config`): the id of a config
   * saved in Portkey, sent as is, or a config object, sent as JSON. A per-request config
   * replaces the client's whole.
   */
  config?: PortkeyConfig | null;
  /**
   * Groups the request with others in Portkey's traces (`x-portkey-trace-id`). Portkey makes one
   * when absent and returns it in the response header of the same name.
   */
  traceId?: string | null;
  /** The id of this request's span within its trace (`x-portkey-span-id`). */
  spanId?: string | null;
  /** The span this request's span sits under (`x-portkey-parent-span-id`). */
  parentSpanId?: string | null;
  /** A readable name for this request's span (`x-portkey-span-name`). */
  spanName?: string | null;
  /**
   * Key-value pairs for Portkey's logs and conditional routing (`x-portkey-metadata`, JSON).
   * Values must be strings of at most 128 characters. When both the client and a call give
   * metadata, the two are merged key by key, the call's value winning.
   */
  metadata?: PortkeyMetadata | null;
  /** Partitions Portkey's cache, e.g. per tenant (`x-portkey-cache-namespace`). */
  cacheNamespace?: string | null;
  /**
   * Skips the cached answer and stores a fresh one (`x-portkey-cache-force-refresh`). Sent only
   * when `true`: the gateway refreshes whenever the header is present, whatever its value.
   */
  cacheForceRefresh?: boolean | null;
  /**
   * The provider's base URL, including the version path, e.g. `http://127.0.0.1:9000/v1`
   * (`x-portkey-custom-host`): for self-hosted models and OpenAI-compatible servers.
   */
  customHost?: string | null;
  /**
   * Names of request headers that the gateway passes to the provider unchanged
   * (`x-portkey-forward-headers`). Sent lowercase and comma-joined; the headers themselves are
   * set on the request separately.
   */
  forwardHeaders?: readonly string[] | null;
  /**
   * Milliseconds after which the gateway abandons the provider request and answers 408
   * (`x-portkey-request-timeout`). A non-negative integer.
   */
  requestTimeout?: number | null;
  /**
   * Whether answers keep strictly to OpenAI's shape (`x-portkey-strict-open-ai-compliance`). The
   * gateway's default is `true`; `false` lets it add provider-specific fields (e.g. Anthropic's
   * thinking blocks). Sent only when set.
   */
  strictOpenAiCompliance?: boolean | null;
  /**
   * Whether Portkey logs the request (`x-portkey-debug`). `false` turns off logging and caching
   * for sensitive requests. Sent only when set.
   */
  debug?: boolean | null;
  /**
   * The provider credential (`authorization`). `Bearer ` is added when missing; a `bearer`
   * prefix in any case is normalised, never doubled.
   */
  authorization?: string | null;

  // OpenAI

  /** The OpenAI project the request is billed to (`x-portkey-openai-project`). */
  openaiProject?: string | null;
  /** The OpenAI organization the request is billed to (`x-portkey-openai-organization`). */
  openaiOrganization?: string | null;
  /** OpenAI beta features to enable, e.g. `assistants=v2` (`x-portkey-openai-beta`). */
  openaiBeta?: string | null;

  // Anthropic (also through Bedrock and Vertex AI)

  /** Anthropic beta features, comma-separated (`x-portkey-anthropic-beta`). */
  anthropicBeta?: string | null;
  /** The Anthropic API version, e.g. `2023-06-01` (`x-portkey-anthropic-version`). */
  anthropicVersion?: string | null;

  // Azure OpenAI (provider `azure-openai`)

  /** The Azure OpenAI resource, the first label of `<name>.openai.azure.com` (`x-portkey-azure-resource-name`). */
  azureResourceName?: string | null;
  /** The model deployment to call (`x-portkey-azure-deployment-id`). */
  azureDeploymentId?: string | null;
  /** The Azure API version, e.g. `2024-10-21` (`x-portkey-azure-api-version`; also used by Azure AI). */
  azureApiVersion?: string | null;
  /** The model behind the deployment, for cost tracking (`x-portkey-azure-model-name`). */
  azureModelName?: string | null;
  /** A Microsoft Entra ID access token used instead of an API key (`x-portkey-azure-ad-token`). */
  azureAdToken?: string | null;
  /**
   * How the gateway authenticates to Azure (`x-portkey-azure-auth-mode`): `apiKey`, `entra`
   * (client credentials), `managed` (managed identity) or `workload` (workload identity).
   */
  azureAuthMode?: string | null;
  /** The client id of the managed identity, for `azureAuthMode: 'managed'` (`x-portkey-azure-managed-client-id`). */
  azureManagedClientId?: string | null;
  /** The client id of the workload identity, for `azureAuthMode: 'workload'` (`x-portkey-azure-workload-client-id`). */
  azureWorkloadClientId?: string | null;
  /** The Entra application's client id, for `azureAuthMode: 'entra'` (`x-portkey-azure-entra-client-id`). */
  azureEntraClientId?: string | null;
  /** The Entra application's client secret, for `azureAuthMode: 'entra'` (`x-portkey-azure-entra-client-secret`). */
  azureEntraClientSecret?: string | null;
  /** The Entra tenant id, for `azureAuthMode: 'entra'` (`x-portkey-azure-entra-tenant-id`). */
  azureEntraTenantId?: string | null;
  /** The OAuth scope requested from Entra, when not the default (`x-portkey-azure-entra-scope`). */
  azureEntraScope?: string | null;

  // Azure AI Foundry (provider `azure-ai`)

  /** The serverless endpoint name (`x-portkey-azure-endpoint-name`). */
  azureEndpointName?: string | null;
  /** The full Azure AI Foundry endpoint URL (`x-portkey-azure-foundry-url`). */
  azureFoundryUrl?: string | null;
  /**
   * What Azure AI does with parameters the model does not know, sent on as its
   * `extra-parameters` header: `pass-through`, `drop` or `error` (`x-portkey-azure-extra-params`).
   */
  azureExtraParams?: string | null;

  // AWS: Bedrock and SageMaker

  /** The AWS access key id (`x-portkey-aws-access-key-id`). */
  awsAccessKeyId?: string | null;
  /** The AWS secret access key (`x-portkey-aws-secret-access-key`). */
  awsSecretAccessKey?: string | null;
  /** The session token of temporary AWS credentials (`x-portkey-aws-session-token`). */
  awsSessionToken?: string | null;
  /** The AWS region, e.g. `us-east-1` (`x-portkey-aws-region`). */
  awsRegion?: string | null;
  /** How the gateway gets AWS credentials, e.g. `accessKey` or `assumedRole` (`x-portkey-aws-auth-type`). */
  awsAuthType?: string | null;
  /** The role to assume, for `awsAuthType: 'assumedRole'` (`x-portkey-aws-role-arn`). */
  awsRoleArn?: string | null;
  /** The external id required by the assumed role's trust policy (`x-portkey-aws-external-id`). */
  awsExternalId?: string | null;
  /** The S3 bucket for Bedrock batch and file uploads (`x-portkey-aws-s3-bucket`). */
  awsS3Bucket?: string | null;
  /** The S3 object key of an uploaded file (`x-portkey-aws-s3-object-key`). */
  awsS3ObjectKey?: string | null;
  /** The Bedrock model a batch or file is meant for (`x-portkey-aws-bedrock-model`). */
  awsBedrockModel?: string | null;
  /**
   * The S3 server-side encryption of uploaded files, e.g. `AES256` or `aws:kms`
   * (`x-portkey-amz-server-side-encryption`).
   */
  awsServerSideEncryption?: string | null;
  /** The KMS key for `aws:kms` encryption of uploaded files (`x-portkey-amz-server-side-encryption-aws-kms-key-id`). */
  awsServerSideEncryptionKmsKeyId?: string | null;
  /** SageMaker's `X-Amzn-SageMaker-Custom-Attributes` (`x-portkey-amzn-sagemaker-custom-attributes`). */
  amznSagemakerCustomAttributes?: string | null;
  /** SageMaker's `X-Amzn-SageMaker-Target-Model` (`x-portkey-amzn-sagemaker-target-model`). */
  amznSagemakerTargetModel?: string | null;
  /** SageMaker's `X-Amzn-SageMaker-Target-Variant` (`x-portkey-amzn-sagemaker-target-variant`). */
  amznSagemakerTargetVariant?: string | null;
  /** SageMaker's `X-Amzn-SageMaker-Target-Container-Hostname` (`x-portkey-amzn-sagemaker-target-container-hostname`). */
  amznSagemakerTargetContainerHostname?: string | null;
  /** SageMaker's `X-Amzn-SageMaker-Inference-Id` (`x-portkey-amzn-sagemaker-inference-id`). */
  amznSagemakerInferenceId?: string | null;
  /** SageMaker's `X-Amzn-SageMaker-Enable-Explanations` (`x-portkey-amzn-sagemaker-enable-explanations`). */
  amznSagemakerEnableExplanations?: string | null;
  /** SageMaker's `X-Amzn-SageMaker-Inference-Component` (`x-portkey-amzn-sagemaker-inference-component`). */
  amznSagemakerInferenceComponent?: string | null;
  /** SageMaker's `X-Amzn-SageMaker-Session-Id` (`x-portkey-amzn-sagemaker-session-id`). */
  amznSagemakerSessionId?: string | null;
  /** The SageMaker model name (`x-portkey-amzn-sagemaker-model-name`). */
  amznSagemakerModelName?: string | null;

  // Google Vertex AI (provider `vertex-ai`)

  /** The Google Cloud project id (`x-portkey-vertex-project-id`). */
  vertexProjectId?: string | null;
  /** The Vertex AI region, e.g. `us-central1` (`x-portkey-vertex-region`). */
  vertexRegion?: string | null;
  /**
   * A service account key (`x-portkey-vertex-service-account-json`): the parsed JSON object, sent
   * as JSON, or its JSON text on one line, sent as is.
   */
  vertexServiceAccountJson?: Record<string, unknown> | string | null;
  /** The Cloud Storage bucket for Vertex AI batch and file uploads (`x-portkey-vertex-storage-bucket-name`). */
  vertexStorageBucketName?: string | null;
  /** The Vertex AI batch prediction endpoint (`x-portkey-provider-batch-endpoint`). */
  providerBatchEndpoint?: string | null;

  // Files and batches, read by several providers

  /** The name under which an uploaded file is stored at the provider (`x-portkey-provider-file-name`). */
  providerFileName?: string | null;
  /**
   * The model an uploaded file or batch is meant for, e.g. the Vertex AI model name
   * (`x-portkey-provider-model`).
   */
  providerModel?: string | null;
  /** The size in bytes of a file being uploaded, e.g. to Fireworks (`x-portkey-file-upload-size`). */
  fileUploadSize?: number | null;

  // Other providers

  /** The Cloudflare account id, for `workers-ai` (`x-portkey-workers-ai-account-id`). */
  workersAiAccountId?: string | null;
  /** The base URL of a Hugging Face inference endpoint (`x-portkey-huggingface-base-url`). */
  huggingfaceBaseUrl?: string | null;
  /** The Fireworks account id (`x-portkey-fireworks-account-id`). */
  fireworksAccountId?: string | null;
  /** Sends a Mistral request to the fill-in-the-middle endpoint (`x-portkey-mistral-fim-completion`). */
  mistralFimCompletion?: boolean | null;
  /** Stability AI's client id (`x-portkey-stability-client-id`). */
  stabilityClientId?: string | null;
  /** Stability AI's client user id (`x-portkey-stability-client-user-id`). */
  stabilityClientUserId?: string | null;
  /** Stability AI's client version (`x-portkey-stability-client-version`). */
  stabilityClientVersion?: string | null;
  /** The Snowflake account, for `cortex` (`x-portkey-snowflake-account`). */
  snowflakeAccount?: string | null;
  /** The OCI Generative AI API version (`x-portkey-oracle-api-version`). */
  oracleApiVersion?: string | null;
  /** The OCI region, e.g. `us-chicago-1` (`x-portkey-oracle-region`). */
  oracleRegion?: string | null;
  /** The OCI compartment OCID (`x-portkey-oracle-compartment-id`). */
  oracleCompartmentId?: string | null;
  /** The OCI serving mode, `ON_DEMAND` or `DEDICATED` (`x-portkey-oracle-serving-mode`). */
  oracleServingMode?: string | null;
  /** The OCI tenancy OCID (`x-portkey-oracle-tenancy`). */
  oracleTenancy?: string | null;
  /** The OCI user OCID (`x-portkey-oracle-user`). */
  oracleUser?: string | null;
  /** The fingerprint of the OCI API signing key (`x-portkey-oracle-fingerprint`). */
  oracleFingerprint?: string | null;
  /**
   * The OCI API signing key in PKCS#8 PEM (`x-portkey-oracle-private-key`). A header cannot carry
   * line breaks, so write the PEM on one line with spaces where its line breaks were (e.g.
   * `pem.replace(/\r?\n/g, ' ')`); the gateway removes all whitespace before reading it.
   */
  oraclePrivateKey?: string | null;
  /** The passphrase of an encrypted OCI signing key (`x-portkey-oracle-key-passphrase`). */
  oracleKeyPassphrase?: string | null;
}
