import { describe, expect, it } from 'vitest';
// The servers' copies of the tool, read here only to check that all three agree.
import { weatherOf as expressWeatherOf } from '../../demo-express/src/weather-tool.js';
import { weatherOf as nestWeatherOf } from '../../demo-nest/src/weather-chat/weather-tool.js';
import { runTool } from '../src/lib/weather-tool.js';

const CITIES = ['Paris', 'Lisbon', 'São Paulo', '  new york ', 'Reykjavík', 'Tokyo', 'Z'];

function runInBrowser(args: { city: string; unit?: 'celsius' | 'fahrenheit' }) {
  return runTool({
    toolCall: {
      id: 'call_1',
      name: 'get_weather',
      arguments: JSON.stringify(args),
      status: 'running',
    },
    args,
    signal: new AbortController().signal,
  });
}

describe('the weather tool', () => {
  it('gives the same report in the browser as on both servers', () => {
    for (const city of CITIES) {
      for (const unit of ['celsius', 'fahrenheit'] as const) {
        const report = runInBrowser({ city, unit });
        expect(report).toEqual(expressWeatherOf(city, unit));
        expect(report).toEqual(nestWeatherOf(city, unit));
      }
      expect(runInBrowser({ city })).toEqual(expressWeatherOf(city));
    }
  });

  it('gives the same city the same weather, whatever its case and spacing', () => {
    expect(runInBrowser({ city: ' paris ' })).toEqual({
      ...runInBrowser({ city: 'Paris' }),
      city: 'paris',
    });
  });
});
