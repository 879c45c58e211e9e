import { DomainError, isDomainError } from '../../core/errors.js';

describe('DomainError', () => {
  it('keeps the code and separates the user-safe message from the internal one', () => {
    const err = new DomainError('not_found', 'conversation c1 missing in table', { userMessage: 'Conversation not found' });
    expect(isDomainError(err)).toBe(true);
    expect(err.code).toBe('not_found');
    expect(err.userMessage).toBe('Conversation not found');
    expect(err.message).toContain('c1');
  });
});
