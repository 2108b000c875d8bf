// The launcher's preflight says what to install instead of failing obscurely.
import { checkJava } from './server.js';

describe('checkJava', () => {
  it('names the JDK to install when java is not on PATH', () => {
    expect(() => checkJava({ PATH: '/nonexistent' })).toThrow(/Java 17.*apt-get install openjdk-17-jdk-headless maven.*NEO4J_URI/s);
  });

  it('accepts the Java on this machine (17 or newer) and returns its version line', () => {
    expect(checkJava()).toMatch(/version "(1[7-9]|[2-9]\d)/);
  });
});
