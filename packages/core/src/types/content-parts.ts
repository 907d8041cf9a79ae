/** A piece of plain text inside a message's content array. */
export interface ChatCompletionContentPartText {
  /** Always `text`. */
  type: 'text';
  /** The text itself. */
  text: string;
}

/** An image given to a vision-capable model, by URL or as a base64 `data:` URL. */
export interface ChatCompletionContentPartImage {
  /** Always `image_url`. */
  type: 'image_url';
  /** Where the image is and how closely the model should look at it. */
  image_url: ChatCompletionContentPartImage.ImageURL;
}

export namespace ChatCompletionContentPartImage {
  /** The location of an image and the resolution it is read at. */
  export interface ImageURL {
    /** An `http(s)` URL of the image, or the image inline as a base64 `data:` URL. */
    url: string;
    /**
     * How much detail the model reads: `low` is cheaper and faster, `high` reads the image at
     * full resolution, `auto` (the default) lets the model decide.
     */
    detail?: 'auto' | 'low' | 'high';
  }
}

/**
 * Audio given to an audio-capable model, inline as base64. This part belongs to the
 * OpenAI-compatible surface that Portkey forwards; its published spec does not list it yet.
 */
export interface ChatCompletionContentPartInputAudio {
  /** Always `input_audio`. */
  type: 'input_audio';
  /** The audio bytes and their encoding. */
  input_audio: ChatCompletionContentPartInputAudio.InputAudio;
}

export namespace ChatCompletionContentPartInputAudio {
  /** Base64 audio data and the container it is in. */
  export interface InputAudio {
    /** The audio, base64 encoded. */
    data: string;
    /** The encoding of `data`. */
    format: 'wav' | 'mp3';
  }
}

/**
 * A file (for example a PDF) given to a model, inline as base64 or by the id of an uploaded file.
 * This part belongs to the OpenAI-compatible surface that Portkey forwards; its published spec
 * does not list it yet.
 */
export interface ChatCompletionContentPartFile {
  /** Always `file`. */
  type: 'file';
  /** The file, given by exactly one of `file_data` or `file_id`. */
  file: ChatCompletionContentPartFile.File;
}

export namespace ChatCompletionContentPartFile {
  /** The file's content or a reference to an uploaded one. */
  export interface File {
    /** The file content as a base64 `data:` URL. */
    file_data?: string;
    /** The id of a file uploaded beforehand. */
    file_id?: string;
    /** The file name shown to the model. */
    filename?: string;
  }
}

/** A refusal the model gave earlier, replayed in an assistant message's content array. */
export interface ChatCompletionContentPartRefusal {
  /** Always `refusal`. */
  type: 'refusal';
  /** The refusal text the model produced. */
  refusal: string;
}

/**
 * Reasoning text a thinking model produced (Claude on Anthropic, Vertex AI or Bedrock). Portkey
 * returns these in `content_blocks` when strict OpenAI compliance is off; send them back in the
 * assistant message's content to continue a multi-turn conversation with thinking on.
 */
export interface ChatCompletionContentPartThinking {
  /** Always `thinking`. */
  type: 'thinking';
  /** The model's reasoning text. */
  thinking: string;
  /** The provider's signature over the reasoning, which it checks when the block is sent back. */
  signature?: string;
}

/** Reasoning the provider withheld and returned encrypted; send it back unchanged. */
export interface ChatCompletionContentPartRedactedThinking {
  /** Always `redacted_thinking`. */
  type: 'redacted_thinking';
  /** The encrypted reasoning. */
  data: string;
}

/** A part of a user message's content array. */
export type ChatCompletionContentPart =
  | ChatCompletionContentPartText
  | ChatCompletionContentPartImage
  | ChatCompletionContentPartInputAudio
  | ChatCompletionContentPartFile;

/** A block of a response message's `content_blocks`: text or the model's reasoning. */
export type ChatCompletionContentBlock =
  | ChatCompletionContentPartText
  | ChatCompletionContentPartThinking
  | ChatCompletionContentPartRedactedThinking;
