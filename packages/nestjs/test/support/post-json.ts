/** Sends `body` to `url` as a JSON POST; `headers` are added to the JSON content type. */
export function postJSON(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

/** What the endpoint answers to a body that is not valid JSON, in the OpenAI error shape. */
export const invalidJSONAnswer = {
  error: {
    message: 'The request body is not valid JSON.',
    type: 'invalid_request_error',
    param: null,
    code: 'invalid_json',
  },
};
