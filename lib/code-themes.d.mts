export declare const codeThemes: { light: 'github-light-default'; dark: 'github-dark-default' }
