// How to set up transcription: said by the terminal UI and the commands alike when it is not.
export const TRANSCRIPTION_SETUP =
  'set OPENAI_API_KEY, or REHEARSE_TRANSCRIBE_URL for a local whisper server (see "Speaking your answers" in the README)';
